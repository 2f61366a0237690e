/* koers-marker-ref.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-marker-ref"

#include "config.h"

#include <string.h>

#include "koers-marker-ref.h"

#define PREFIX "koers-marker:"

G_DEFINE_BOXED_TYPE (KoersMarkerRef, koers_marker_ref, koers_marker_ref_copy, koers_marker_ref_free)

KoersMarkerRef *
koers_marker_ref_new (const char  *model_id,
                      KoersMarker  marker)
{
  KoersMarkerRef *self;

  g_return_val_if_fail (model_id != NULL, NULL);

  self = g_new0 (KoersMarkerRef, 1);
  self->model_id = g_strdup (model_id);
  self->marker = marker;
  return self;
}

KoersMarkerRef *
koers_marker_ref_copy (const KoersMarkerRef *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return koers_marker_ref_new (self->model_id, self->marker);
}

void
koers_marker_ref_free (KoersMarkerRef *self)
{
  if (self == NULL)
    return;
  g_free (self->model_id);
  g_free (self);
}

/**
 * koers_marker_ref_to_string:
 *
 * Returns: (transfer full): the text form, e.g. `koers-marker:pyramid:current`
 */
char *
koers_marker_ref_to_string (const KoersMarkerRef *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_strconcat (PREFIX, self->model_id, ":",
                      self->marker == KOERS_MARKER_CURRENT ? "current" : "target",
                      NULL);
}

/**
 * koers_marker_ref_parse:
 * @text: (nullable): text that may be the text form of a marker reference
 *
 * Returns: (transfer full) (nullable): the reference, or %NULL when @text
 *   is anything else (any text can be dropped from other applications)
 */
KoersMarkerRef *
koers_marker_ref_parse (const char *text)
{
  g_autofree char *stripped = NULL;
  const char *model_id;
  char *colon;
  KoersMarker marker;

  if (text == NULL || !g_str_has_prefix (text, PREFIX))
    return NULL;

  stripped = g_strstrip (g_strdup (text + strlen (PREFIX)));
  colon = strrchr (stripped, ':');
  if (colon == NULL || colon == stripped)
    return NULL;
  *colon = '\0';
  model_id = stripped;

  if (g_str_equal (colon + 1, "current"))
    marker = KOERS_MARKER_CURRENT;
  else if (g_str_equal (colon + 1, "target"))
    marker = KOERS_MARKER_TARGET;
  else
    return NULL;

  /* Model ids are lower case, digits and '-'; anything else is not ours. */
  for (const char *p = model_id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return NULL;

  return koers_marker_ref_new (model_id, marker);
}

/**
 * koers_marker_ref_from_value:
 * @value: a #GValue holding a #KoersMarkerRef or a string
 *
 * Returns: (transfer full) (nullable): a copy of the reference @value holds
 */
KoersMarkerRef *
koers_marker_ref_from_value (const GValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (G_VALUE_HOLDS (value, KOERS_TYPE_MARKER_REF))
    {
      const KoersMarkerRef *ref = g_value_get_boxed (value);

      return ref ? koers_marker_ref_copy (ref) : NULL;
    }
  if (G_VALUE_HOLDS_STRING (value))
    return koers_marker_ref_parse (g_value_get_string (value));
  return NULL;
}

/**
 * koers_marker_ref_create_content:
 *
 * Returns: (transfer full): a content provider offering the reference as
 *   itself (within Koers) and as plain text (for anything else)
 */
GdkContentProvider *
koers_marker_ref_create_content (const KoersMarkerRef *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];

  g_return_val_if_fail (self != NULL, NULL);

  text = koers_marker_ref_to_string (self);
  bytes = g_bytes_new (text, strlen (text));
  providers[0] = gdk_content_provider_new_typed (KOERS_TYPE_MARKER_REF, self);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}
