/* koers-marker-ref.h: what a marker drag carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "koers-types.h"

G_BEGIN_DECLS

/**
 * KoersMarkerRef:
 * @model_id: the model the marker belongs to
 * @marker: which marker
 *
 * The payload of a marker drag: a small value naming the marker, never a
 * widget, so that it survives a drag between windows. Its text form is
 * `koers-marker:MODEL:current` or `koers-marker:MODEL:target`.
 */
typedef struct {
  char        *model_id;
  KoersMarker  marker;
} KoersMarkerRef;

#define KOERS_TYPE_MARKER_REF (koers_marker_ref_get_type ())

GType               koers_marker_ref_get_type       (void) G_GNUC_CONST;
KoersMarkerRef     *koers_marker_ref_new            (const char           *model_id,
                                                     KoersMarker           marker);
KoersMarkerRef     *koers_marker_ref_copy           (const KoersMarkerRef *self);
void                koers_marker_ref_free           (KoersMarkerRef       *self);
char               *koers_marker_ref_to_string      (const KoersMarkerRef *self);
KoersMarkerRef     *koers_marker_ref_parse          (const char           *text);
KoersMarkerRef     *koers_marker_ref_from_value     (const GValue         *value);
GdkContentProvider *koers_marker_ref_create_content (const KoersMarkerRef *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersMarkerRef, koers_marker_ref_free)

G_END_DECLS
