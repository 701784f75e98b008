# Shared build settings for SAM-SP Studio targets.

# Warnings for our own code only (torch headers are SYSTEM includes).
function(samsp_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  endif()
endfunction()

# Torch's imported target propagates -D_GLIBCXX_USE_CXX11_ABI and include dirs; we
# mark its includes SYSTEM so its warnings do not drown ours.
function(samsp_link_torch target scope)
  target_link_libraries(${target} ${scope} ${TORCH_LIBRARIES})
  target_include_directories(${target} SYSTEM ${scope} ${TORCH_INCLUDE_DIRS})
endfunction()
