# SPDX-License-Identifier: Apache-2.0
# Writes OUT (a C++ file defining hotspot::build_commit) from `git describe`, only when it changes,
# so that every build knows its commit without rebuilding anything else. Run by engine/CMakeLists.txt.
execute_process(COMMAND git -C ${SOURCE_DIR} rev-parse --short=10 HEAD
                OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR commit STREQUAL "")
  set(commit "unknown")
else()
  execute_process(COMMAND git -C ${SOURCE_DIR} status --porcelain --untracked-files=no
                  OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT changes STREQUAL "")
    set(commit "${commit}-modified")
  endif()
endif()
set(text "// Written by cmake/write_version.cmake at build time.\n#include \"core/version.hpp\"\nnamespace hotspot {\nstd::string_view build_commit() { return \"${commit}\"; }\n}  // namespace hotspot\n")
if(EXISTS ${OUT})
  file(READ ${OUT} old)
endif()
if(NOT old STREQUAL text)
  file(WRITE ${OUT} "${text}")
endif()
