# Finds KSyntaxHighlighting built for Qt 6 and defines PAPERSIEVE_KSH_TARGET.
# KF6 where the distribution has it; else the KF5-named Qt 6 build from scripts/install-deps.sh.
# A Qt 5 build (Debian 12's libkf5syntaxhighlighting-dev) would link two Qt majors: refuse it.
find_package(KF6SyntaxHighlighting QUIET)
if(KF6SyntaxHighlighting_FOUND)
  set(PAPERSIEVE_KSH_TARGET KF6::SyntaxHighlighting)
else()
  find_package(KF5SyntaxHighlighting 5.100 QUIET)
  if(NOT KF5SyntaxHighlighting_FOUND)
    message(FATAL_ERROR
      "KSyntaxHighlighting for Qt 6 was not found. Run scripts/install-deps.sh "
      "(it builds it into ${PAPERSIEVE_KSH_PREFIX}) or install KF6SyntaxHighlighting.")
  endif()
  get_target_property(_ksh_deps KF5::SyntaxHighlighting INTERFACE_LINK_LIBRARIES)
  if(NOT _ksh_deps MATCHES "Qt6::")
    message(FATAL_ERROR
      "KF5SyntaxHighlighting at ${KF5SyntaxHighlighting_DIR} is a Qt 5 build. "
      "Run scripts/install-deps.sh and configure with -DPAPERSIEVE_KSH_PREFIX=/opt/ksh-qt6.")
  endif()
  set(PAPERSIEVE_KSH_TARGET KF5::SyntaxHighlighting)
endif()
message(STATUS "KSyntaxHighlighting: ${PAPERSIEVE_KSH_TARGET}")
