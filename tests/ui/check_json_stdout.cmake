# Runs BENCH --json --series SERIES and fails unless stdout is one JSON object (nothing
# else: a log line on stdout once broke every reader) that reports the series' slices and
# an export without problems. Usage: cmake -DBENCH=... -DSERIES=... -DSLICES=N -P this file
execute_process(COMMAND "${BENCH}" --json --series "${SERIES}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "samsp-studio-bench exited with ${rc}: ${err}")
endif()
# CMake's JSON reader ignores text after the object, so check both ends of stdout too.
string(STRIP "${out}" stripped)
string(LENGTH "${stripped}" len)
set(first "")
set(last "")
if(len GREATER 0)
  math(EXPR lastAt "${len} - 1")
  string(SUBSTRING "${stripped}" 0 1 first)
  string(SUBSTRING "${stripped}" ${lastAt} 1 last)
endif()
string(JSON type ERROR_VARIABLE jerr TYPE "${out}")
if(jerr OR NOT type STREQUAL "OBJECT" OR NOT first STREQUAL "{" OR NOT last STREQUAL "}")
  message(FATAL_ERROR "stdout is not one JSON object and nothing else (parser: ${jerr}):\n${out}")
endif()
string(JSON slices GET "${out}" slices)
if(NOT slices EQUAL SLICES)
  message(FATAL_ERROR "slices = ${slices}, expected ${SLICES}")
endif()
string(JSON nfiles GET "${out}" export_files)  # a count
string(JSON nproblems LENGTH "${out}" export_problems)
if(nfiles LESS 2 OR NOT nproblems EQUAL 0)
  message(FATAL_ERROR "export: ${nfiles} files, ${nproblems} problems:\n${out}")
endif()
message(STATUS "pure JSON: ${slices} slices, ${nfiles} files exported")
