import ExecsimCLI
