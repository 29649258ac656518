# CMake < 3.26 has no CUDA::nvJitLink target: make one.
if(NOT TARGET CUDA::nvJitLink)
  find_library(GPUOS_NVJITLINK_LIBRARY nvJitLink
    HINTS ${CUDAToolkit_LIBRARY_DIR} ${CUDAToolkit_TARGET_DIR}/lib64 ${CUDAToolkit_LIBRARY_ROOT}/lib64
          ${CUDAToolkit_BIN_DIR}/../lib64)
  if(GPUOS_NVJITLINK_LIBRARY)
    add_library(CUDA::nvJitLink UNKNOWN IMPORTED)
    set_target_properties(CUDA::nvJitLink PROPERTIES IMPORTED_LOCATION "${GPUOS_NVJITLINK_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${CUDAToolkit_INCLUDE_DIRS}")
  endif()
endif()
