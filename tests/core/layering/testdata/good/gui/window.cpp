#include "storage/repo.h"
#include "window.h"
