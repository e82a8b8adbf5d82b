#pragma once
#include "domain/paper.h"
