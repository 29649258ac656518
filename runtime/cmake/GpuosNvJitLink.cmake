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

# FindCUDAToolkit makes CUDA::nvrtc depend on the driver library (libcuda.so).
# The runtime opens the driver with dlopen and NVRTC never needs it, so drop
# that dependency: binaries must start where no driver is installed (CI, build
# machines) and report "no driver" through the API instead.
if(TARGET CUDA::nvrtc)
  get_target_property(_gpuos_nvrtc_deps CUDA::nvrtc INTERFACE_LINK_LIBRARIES)
  if(_gpuos_nvrtc_deps)
    list(REMOVE_ITEM _gpuos_nvrtc_deps CUDA::cuda_driver)
    set_target_properties(CUDA::nvrtc PROPERTIES INTERFACE_LINK_LIBRARIES "${_gpuos_nvrtc_deps}")
  endif()
endif()
