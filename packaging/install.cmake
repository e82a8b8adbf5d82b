# Install rules (the packaging issue adds CPack and per-platform bundles).
include(GNUInstallDirs)
set(CMAKE_INSTALL_RPATH_USE_LINK_PATH ON) # the Qt 6 KSyntaxHighlighting lives outside the system paths
install(TARGETS papersieve
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  BUNDLE DESTINATION .)
if(UNIX AND NOT APPLE)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/io.github.papersieve.PaperSieve.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
endif()
