"""GPUOS Python tools: the PyTorch exporter (`gpuos.export`) and the
benchmark workloads as PyTorch modules (`gpuos.workloads`)."""
