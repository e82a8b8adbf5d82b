# The layer check's own test: it passes on a tree that follows a table, and fails, naming the file and
# the arrow, on one with a forbidden include or a folder the table does not know.
# Usage: cmake -DCHECK=<CheckLayers.cmake> -DDATA=<testdata> -P selftest.cmake
function(run_check tree result_var output_var)
  execute_process(COMMAND ${CMAKE_COMMAND} -DSRC_DIR=${DATA}/${tree} -DLAYERS_DOC=${DATA}/layers.md -P ${CHECK}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${result_var} ${rc} PARENT_SCOPE)
  set(${output_var} "${out}${err}" PARENT_SCOPE)
endfunction()

run_check(good rc out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the check refused a tree that follows its table:\n${out}")
endif()
if(NOT out MATCHES "CheckLayers: 6 includes")
  message(FATAL_ERROR "the check did not count the good tree's 6 project includes:\n${out}")
endif()

run_check(bad rc out)
if(rc EQUAL 0)
  message(FATAL_ERROR "the check passed a tree where domain/ includes storage/:\n${out}")
endif()
if(NOT out MATCHES "core/domain/paper.h: #include \"storage/repo.h\" — domain/ may not include storage/")
  message(FATAL_ERROR "the check failed without naming the forbidden include:\n${out}")
endif()

run_check(unknown rc out)
if(rc EQUAL 0 OR NOT out MATCHES "src folder 'newthing' is not in the layer table")
  message(FATAL_ERROR "the check accepted a folder its table does not know:\n${out}")
endif()
message(STATUS "layer check self-test: good tree passes, forbidden include and unknown folder fail")
