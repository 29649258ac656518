# -*- Python -*-
# lit configuration for the gpuos tests.
import os
import shutil
import subprocess

import lit.formats
from lit.llvm import llvm_config

config.name = "GPUOS"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".py"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.gpuos_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%gpuos_src", config.gpuos_src_root))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.gpuos_tools_dir, append_path=True)

tools = ["gpuos-opt", "gpuos-translate", "gpuos-run", "gpuos-parse-fuzzer",
         "gpuos-cuda-check", "gpuos-difftest"]
llvm_config.add_tool_substitutions(
    [t for t in tools if os.path.exists(os.path.join(config.gpuos_tools_dir, t))],
    [config.gpuos_tools_dir])

# NumPy lets tests compute expected values independently of the executor.
try:
    subprocess.check_call([config.python_executable, "-c", "import numpy"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    config.available_features.add("numpy")
except Exception:
    pass

# GPU tests are skipped, not failed, where no GPU is present.
if shutil.which("nvidia-smi"):
    try:
        if subprocess.call(["nvidia-smi", "-L"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL) == 0:
            config.available_features.add("cuda-gpu")
    except OSError:
        pass

# Emitted CUDA is compiled and linked (NVRTC, nvJitLink) where the checker
# was built; no GPU needed.
if os.path.exists(os.path.join(config.gpuos_tools_dir, "gpuos-cuda-check")):
    config.available_features.add("nvrtc")

if config.gpuos_sanitized:
    config.available_features.add("sanitized")
