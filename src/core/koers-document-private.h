/* koers-document-private.h: the document's parts, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * koers-document.c       the type, loading, saving and drafts
 * koers-document-disk.c  watching the file, and checking it before a save
 */
#pragma once

#include "koers-document.h"

G_BEGIN_DECLS

/* Read when a file is opened and after it is saved, so that a later
 * check can tell whether someone else changed the file meanwhile. */
#define STAMP_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," \
                         G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
                         G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," \
                         G_FILE_ATTRIBUTE_STANDARD_SIZE

struct _KoersDocument
{
  GObject       parent_instance;

  KoersProject *project;
  KoersHistory *history;
  GFile        *file;
  KoersDrafts  *drafts;       /* nullable: no drafts kept */
  char         *draft_id;
  guint         draft_source;

  /* A restored draft differs from its file although its history is new. */
  gboolean      restored;
  /* Counts the changes, so that a save knows whether what it wrote is
   * still what the project holds when the write is done. */
  guint64       change_count;
  guint         n_saving;

  /* Built with the project on the loading thread, for the window's
   * first view; it holds only while change_count is still
   * roadmap_change_count. */
  KoersRoadmap *roadmap;
  guint64       roadmap_change_count;

  /* The file as this document last read or wrote it. */
  char         *etag;
  GDateTime    *mtime;
  goffset       size;

  /* Watching the file for other programs' changes
   * (koers-document-disk.c). */
  GFileMonitor *monitor;
  GCancellable *monitor_check;
  gboolean      changed_on_disk;
};

/* koers-document.c */
void     _koers_document_remember_stamp   (KoersDocument *self,
                                           GFileInfo     *info);

/* koers-document-disk.c */
void     _koers_document_watch            (KoersDocument *self);
void     _koers_document_unwatch          (KoersDocument *self);
char    *_koers_document_stamp_to_string  (KoersDocument *self);
void     _koers_document_stamp_from_string (KoersDocument *self,
                                            const char    *stamp);
void     _koers_document_set_changed_on_disk (KoersDocument *self,
                                              gboolean       changed);
gboolean _koers_document_stamp_matches    (const char    *etag,
                                           GDateTime     *mtime,
                                           goffset        size,
                                           GFileInfo     *info);
gboolean _koers_document_check_before_save (GFile        *file,
                                            gboolean      compare,
                                            gboolean      known,
                                            const char   *etag,
                                            GDateTime    *mtime,
                                            goffset       size,
                                            GCancellable *cancellable,
                                            GError      **error);

G_END_DECLS
