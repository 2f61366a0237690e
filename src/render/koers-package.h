/* koers-package.h: a zip package (ODF or OOXML) written in memory with libgsf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gsf/gsf.h>

G_BEGIN_DECLS

typedef struct _KoersPackage KoersPackage;

KoersPackage *_koers_package_new        (void);
GsfXMLOut    *_koers_package_begin_xml  (KoersPackage  *package,
                                         const char    *path);
void          _koers_package_end_xml    (KoersPackage  *package,
                                         GsfXMLOut     *xml);
void          _koers_package_add_bytes  (KoersPackage  *package,
                                         const char    *path,
                                         GBytes        *bytes,
                                         gboolean       stored);
GBytes       *_koers_package_finish     (KoersPackage  *package,
                                         GError       **error);
void          _koers_package_free       (KoersPackage  *package);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersPackage, _koers_package_free)

G_END_DECLS
