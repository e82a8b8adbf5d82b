#include "repo.h"
#include "storage/repo.h"
#include "ui_window.h"
#include <QString>
