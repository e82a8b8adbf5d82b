#include "paper.h"
