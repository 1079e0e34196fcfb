import MigNetCLI

// The executable is the command line library's entry point and nothing else.
CommandLineTool.main()
