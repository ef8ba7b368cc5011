// The command line: argument parsing and commands. Placeholder until the CLI lands.
