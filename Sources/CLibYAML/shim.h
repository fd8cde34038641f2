// libyaml from the system (Debian's libyaml-dev): the event parser the YAML reader uses.
#ifndef CATALYSE_CLIBYAML_SHIM_H
#define CATALYSE_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
