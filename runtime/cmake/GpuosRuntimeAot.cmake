# gpuos_runtime_add_aot_operators(<target> NAME <symbol> SOURCES <.cu>... [ARCH <sm>]
#                                 [REGISTER_BUDGET <R>] [INCLUDE_DIRS <dirs>...])
#
# AOT path (b): compiles operator sources into one final, non-LTO cubin (nvcc -cubin,
# -maxrregcount=R) and embeds it in <target> as
#     extern "C" const unsigned char <symbol>[]; extern "C" const size_t <symbol>_size;
# Load it with gpuos_module_load_image(rt, <symbol>, <symbol>_size, &m).
# Also leaves the cubin at ${CMAKE_CURRENT_BINARY_DIR}/<symbol>.cubin (path (a)).
set(_GPUOS_RUNTIME_AOT_DIR "${CMAKE_CURRENT_LIST_DIR}")
function(gpuos_runtime_add_aot_operators target)
  cmake_parse_arguments(A "" "NAME;ARCH;REGISTER_BUDGET" "SOURCES;INCLUDE_DIRS" ${ARGN})
  if(NOT A_NAME)
    message(FATAL_ERROR "gpuos_runtime_add_aot_operators: NAME is required")
  endif()
  if(NOT A_ARCH)
    set(A_ARCH 90)
  endif()
  if(NOT A_REGISTER_BUDGET)
    if(DEFINED GPUOS_RUNTIME_REGISTER_BUDGET)
      set(A_REGISTER_BUDGET ${GPUOS_RUNTIME_REGISTER_BUDGET})
    else()
      set(A_REGISTER_BUDGET 128)
    endif()
  endif()
  if(NOT CUDAToolkit_NVCC_EXECUTABLE)
    find_package(CUDAToolkit REQUIRED)
  endif()
  set(abi_dir "${GPUOS_RUNTIME_DEVICE_INCLUDE_DIR}")
  set(incs "-I${abi_dir}")
  foreach(d ${A_INCLUDE_DIRS})
    list(APPEND incs "-I${d}")
  endforeach()
  set(srcs)
  foreach(s ${A_SOURCES})
    get_filename_component(abs "${s}" ABSOLUTE)
    list(APPEND srcs "${abs}")
  endforeach()
  set(cubin "${CMAKE_CURRENT_BINARY_DIR}/${A_NAME}.cubin")
  set(csrc "${CMAKE_CURRENT_BINARY_DIR}/${A_NAME}_embed.c")
  find_program(GPUOS_NVLINK_EXECUTABLE nvlink HINTS "${CUDAToolkit_BIN_DIR}" REQUIRED)
  # Relocatable device code per source (so the ELF notes describe every function), then a
  # final non-LTO link: function pointers read from the module are absolute addresses.
  set(relocs)
  set(i 0)
  foreach(s ${srcs})
    set(r "${CMAKE_CURRENT_BINARY_DIR}/${A_NAME}.${i}.reloc.cubin")
    add_custom_command(OUTPUT "${r}"
      COMMAND "${CUDAToolkit_NVCC_EXECUTABLE}" -cubin -rdc=true -arch=sm_${A_ARCH}
              -maxrregcount=${A_REGISTER_BUDGET} -DGPUOS_REGISTER_BUDGET=${A_REGISTER_BUDGET} ${incs} "${s}" -o "${r}"
      DEPENDS "${s}" VERBATIM COMMENT "AOT operator ${s} (sm_${A_ARCH}, R=${A_REGISTER_BUDGET})")
    list(APPEND relocs "${r}")
    math(EXPR i "${i} + 1")
  endforeach()
  add_custom_command(OUTPUT "${cubin}"
    COMMAND "${GPUOS_NVLINK_EXECUTABLE}" --arch=sm_${A_ARCH} ${relocs} -o "${cubin}"
    DEPENDS ${relocs} VERBATIM COMMENT "AOT operators ${A_NAME}: link")
  add_custom_command(OUTPUT "${csrc}"
    COMMAND "${CMAKE_COMMAND}" -DIN=${cubin} -DOUT=${csrc} -DSYMBOL=${A_NAME}
            -P "${_GPUOS_RUNTIME_AOT_DIR}/embed.cmake"
    DEPENDS "${cubin}" "${_GPUOS_RUNTIME_AOT_DIR}/embed.cmake" VERBATIM)
  target_sources(${target} PRIVATE "${csrc}")
endfunction()
