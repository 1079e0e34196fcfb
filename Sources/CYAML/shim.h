#ifndef MIGNET_CYAML_SHIM_H
#define MIGNET_CYAML_SHIM_H
#include <yaml.h>
#endif
