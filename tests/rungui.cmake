# Runs one GUI test executable: on the desktop session's display when there is one, offscreen otherwise.
# Usage (from CTest): cmake -DEXE=<test executable> -P rungui.cmake
if("$ENV{DISPLAY}" STREQUAL "" AND "$ENV{WAYLAND_DISPLAY}" STREQUAL "" AND "$ENV{QT_QPA_PLATFORM}" STREQUAL "")
  set(ENV{QT_QPA_PLATFORM} offscreen)
endif()
execute_process(COMMAND "${EXE}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} failed (${rc})")
endif()
