#pragma once
struct Paper {};
