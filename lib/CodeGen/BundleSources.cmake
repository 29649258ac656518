# The bundle translation compiles operators with NVRTC and links them with
# nvJitLink (as tools/gpuos-cuda-check does). Without them, gpuos-translate
# still has --gpuos-to-bundle, which reports that it is unavailable.
find_package(CUDAToolkit QUIET)
if(CUDAToolkit_FOUND)
  include(${PROJECT_SOURCE_DIR}/runtime/cmake/GpuosNvJitLink.cmake)
endif()
if(TARGET CUDA::nvrtc AND TARGET CUDA::nvJitLink)
  list(GET CUDAToolkit_INCLUDE_DIRS 0 GPUOS_BUNDLE_CUDA_INCLUDE_DIR)
  target_sources(GPUOSCodeGen PRIVATE BundleEmitter.cpp BundleCompiler.cpp)
  target_include_directories(GPUOSCodeGen PRIVATE
    ${PROJECT_SOURCE_DIR}/runtime/include ${CUDAToolkit_INCLUDE_DIRS})
  set_source_files_properties(BundleCompiler.cpp PROPERTIES COMPILE_DEFINITIONS
    "GPUOS_RUNTIME_INCLUDE_DIR=\"${PROJECT_SOURCE_DIR}/runtime/include\";GPUOS_CUDA_INCLUDE_DIR=\"${GPUOS_BUNDLE_CUDA_INCLUDE_DIR}\"")
  target_link_libraries(GPUOSCodeGen PRIVATE CUDA::nvrtc CUDA::nvJitLink)
else()
  message(STATUS "gpuos-translate: NVRTC or nvJitLink not found; --gpuos-to-bundle reports it is unavailable")
  target_sources(GPUOSCodeGen PRIVATE BundleUnavailable.cpp)
endif()
