/* fuzz-model.c: every byte string through the model and rules loaders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the loader (even: model file, odd: rules file);
 * the rest is the file. Either loads or fails with a message; never more.
 */
#include "config.h"

#include <stdint.h>

#include "koers-catalog.h"
#include "koers-error.h"
#include "koers-model.h"
#include "koers-rules.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (size == 0)
    return 0;
  bytes = g_bytes_new_static (data + 1, size - 1);

  if (data[0] % 2 == 0)
    {
      g_autoptr(KoersModel) model = koers_model_new_from_bytes (bytes, "fuzz.json", &error);

      g_assert_true ((model != NULL) == (error == NULL));
      if (model)
        {
          guint n_stages = koers_model_get_n_stages (model);
          guint n_statements = koers_model_get_n_statements (model);

          g_assert_cmpuint (n_stages, >=, 2);
          /* a questionnaire, when there is one, covers every stage */
          g_assert_true (n_statements == 0 || n_statements >= n_stages * KOERS_MODEL_MIN_STAGE_STATEMENTS);
          g_assert_cmpuint (n_statements, <=, n_stages * KOERS_MODEL_MAX_STAGE_STATEMENTS);
          for (guint i = 0; i < n_statements; i++)
            g_assert_cmpuint (koers_model_get_statement (model, i)->stage_index, <, n_stages);
        }
    }
  else
    {
      g_autoptr(KoersRules) rules = koers_rules_new_from_bytes (koers_catalog_get_builtin (), bytes,
                                                                "fuzz.json", &error);

      g_assert_true ((rules != NULL) == (error == NULL));
    }

  if (error != NULL)
    g_assert_true (error->domain == KOERS_FILE_ERROR && error->message[0] != '\0');
  return 0;
}
