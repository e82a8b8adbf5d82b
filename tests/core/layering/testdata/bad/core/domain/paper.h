#pragma once
#include "storage/repo.h"
struct Paper {};
