/* koers-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits of every Koers JSON file, checked before it is parsed. */
#define KOERS_MAX_FILE_SIZE ((gsize) 16 * 1024 * 1024)
#define KOERS_MAX_DEPTH     64

#define KOERS_FILE_ERROR (koers_file_error_quark ())

/**
 * KoersFileError:
 * @KOERS_FILE_ERROR_TOO_LARGE: larger than the format allows
 * @KOERS_FILE_ERROR_TOO_DEEP: nested deeper than the format allows
 * @KOERS_FILE_ERROR_NOT_UTF8: not UTF-8 text
 * @KOERS_FILE_ERROR_SYNTAX: not JSON; the message names line:column
 * @KOERS_FILE_ERROR_NOT_PROJECT: JSON, but not a Koers project (or model, or rules)
 * @KOERS_FILE_ERROR_VERSION: written by a newer Koers
 * @KOERS_FILE_ERROR_MISSING: a required member is absent
 * @KOERS_FILE_ERROR_TYPE: a member has the wrong type
 * @KOERS_FILE_ERROR_UNKNOWN_STAGE: a stage id the model does not have
 * @KOERS_FILE_ERROR_INVALID: a member's value is not valid (date, status…),
 *   or a value Koers cannot keep exactly (a number beyond 64 bits or a
 *   double, the character \u0000); the latter name line:column
 * @KOERS_FILE_ERROR_DUPLICATE: a member name appears twice in one object;
 *   the message names line:column of the second
 *
 * Errors of reading a Koers file. Messages name the member path or the
 * line and column, and what was expected.
 */
typedef enum {
  KOERS_FILE_ERROR_TOO_LARGE,
  KOERS_FILE_ERROR_TOO_DEEP,
  KOERS_FILE_ERROR_NOT_UTF8,
  KOERS_FILE_ERROR_SYNTAX,
  KOERS_FILE_ERROR_NOT_PROJECT,
  KOERS_FILE_ERROR_VERSION,
  KOERS_FILE_ERROR_MISSING,
  KOERS_FILE_ERROR_TYPE,
  KOERS_FILE_ERROR_UNKNOWN_STAGE,
  KOERS_FILE_ERROR_INVALID,
  KOERS_FILE_ERROR_DUPLICATE,
} KoersFileError;

GQuark koers_file_error_quark (void);

G_END_DECLS
