#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app as a screen reader and a keyboard user meet it: Koers runs on its
# own Xvfb with the accessibility bus set up as a desktop session does (the
# session bus from dbus-run-session, then at-spi-bus-launcher, then the
# app), and is driven through AT-SPI with pyatspi. Prints TAP.
#
#   dbus-run-session -- /usr/bin/python3 tests/ui/test-atspi.py
#
# Needs python3-pyatspi, at-spi2-core, xvfb and xdotool (build-aux/packages.txt).
# Uses KOERS_BINARY, KOERS_DATA_DIR and G_TEST_SRCDIR as meson sets them.

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

results = []


def tap(ok, description, detail=None):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), description))
    if detail and not ok:
        for line in str(detail).splitlines():
            print('# ' + line)
    sys.stdout.flush()


def bail(message):
    print('Bail out! ' + message)
    sys.exit(1)


try:
    import pyatspi
    from gi.repository import GLib
except ImportError:
    bail('python3-pyatspi is missing: apt-get install python3-pyatspi')

if not os.environ.get('DBUS_SESSION_BUS_ADDRESS', '').startswith(('unix:', 'tcp:')):
    bail('run under dbus-run-session: the test needs a session bus of its own')

LAUNCHER = '/usr/libexec/at-spi-bus-launcher'
binary = os.environ.get('KOERS_BINARY')
srcdir = os.environ.get('G_TEST_SRCDIR', os.path.join(os.path.dirname(__file__), '..'))
example = os.path.join(os.environ.get('KOERS_DATA_DIR', os.path.join(srcdir, '..', 'data')),
                       'examples', 'woonstichting.koers')
for path, what in ((binary, 'KOERS_BINARY'), (LAUNCHER, 'at-spi2-core'), (example, 'the example project')):
    if not path or not os.path.exists(path):
        bail('%s is missing (%s)' % (what, path))
for tool in ('Xvfb', 'xdotool'):
    if shutil.which(tool) is None:
        bail('%s is missing: see build-aux/packages.txt' % tool)

work = tempfile.mkdtemp(prefix='koers-atspi-')
children = []


def spawn(argv, env=None, **kwargs):
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, **kwargs)
    children.append(process)
    return process


def cleanup():
    for process in reversed(children):
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
    shutil.rmtree(work, ignore_errors=True)


def pump(seconds):
    """Lets AT-SPI events in (they arrive through the GLib main loop)."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.01)


def wait_for(predicate, timeout=10.0, step=0.05):
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > end:
            return value
        pump(step)


# --- the desktop: X server, accessibility bus, settings ---------------------

env = dict(os.environ)
env.pop('GTK_A11Y', None)          # the test env turns it off for other tests
env.pop('GSETTINGS_BACKEND', None)  # the launcher reads toolkit-accessibility
for name in ('HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
    env[name] = os.path.join(work, name.lower())
    os.makedirs(env[name])
env['XDG_RUNTIME_DIR'] = os.path.join(work, 'runtime')
os.makedirs(env['XDG_RUNTIME_DIR'], mode=0o700)
env['GSK_RENDERER'] = 'cairo'
env['NO_AT_BRIDGE'] = '0'

try:
    # Xvfb picks a free display itself and says which (-displayfd): a
    # number chosen here could be taken by another test's server before
    # ours starts, and the app would then join a display that goes away.
    def start_display():
        read_end, write_end = os.pipe()
        spawn(['Xvfb', '-displayfd', str(write_end), '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,))
        os.close(write_end)
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        if not number.isdigit():
            bail('Xvfb did not start')
        env['DISPLAY'] = ':' + number
        os.environ.update({k: env[k] for k in ('DISPLAY', 'XDG_RUNTIME_DIR')})
        if not wait_for(lambda: subprocess.run(['xdotool', 'getmouselocation'], env=env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0):
            bail('Xvfb did not start on ' + env['DISPLAY'])

    start_display()
    spawn([LAUNCHER, '--launch-immediately'], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, stderr=subprocess.DEVNULL)
    # An app that starts before the accessibility bus answers never joins
    # it: on a busy machine the launcher can take seconds.
    if not wait_for(lambda: subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.a11y.Bus',
                                            '--object-path', '/org/a11y/bus',
                                            '--method', 'org.a11y.Bus.GetAddress'],
                                           env=env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL).returncode == 0, timeout=60):
        bail('the accessibility bus did not start')

    project = os.path.join(work, 'project.koers')
    shutil.copyfile(example, project)
    app = spawn([binary, project], env=env)
    # Seen once in a full parallel run: the app could not open a display
    # that xdotool had just reached, and exited at once. One more display,
    # one more try, and a clear message if that fails too.
    if wait_for(lambda: app.poll() is not None, timeout=3):
        print('# Koers exited at start (status %s) on %s; trying a new display' % (app.returncode, env['DISPLAY']))
        start_display()
        app = spawn([binary, project], env=env)

    # --- finding things in the tree ------------------------------------------

    def find_app():
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            candidate = desktop.getChildAtIndex(i)
            try:
                if candidate is not None and candidate.get_process_id() == app.pid and candidate.childCount > 0:
                    return candidate
            except Exception:
                pass
        return None

    def walk(node, showing_only=True):
        """Every accessible under @node, depth first, skipping hidden parts."""
        stack = [node]
        while stack:
            current = stack.pop()
            try:
                states = current.getState()
                if showing_only and current is not node and not states.contains(pyatspi.STATE_VISIBLE):
                    continue
                children = [current.getChildAtIndex(i) for i in range(current.childCount)]
            except Exception:
                continue
            yield current
            stack.extend(reversed([c for c in children if c is not None]))

    # GTK 4.8 sets no "showing" state and walking the whole tree after each
    # key is slow: the focus is followed through its events instead.
    focus = {'node': None}

    def focus_changed(event):
        if event.detail1 == 1:
            focus['node'] = event.source

    pyatspi.Registry.registerEventListener(focus_changed, 'object:state-changed:focused')

    def focused(root):
        node = focus['node']
        try:
            if node is not None and node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            pass
        return None

    def find(root, role=None, name=None, parent_name=None):
        for node in walk(root):
            try:
                if role is not None and node.getRoleName() != role:
                    continue
                if name is not None and node.name != name:
                    continue
                if parent_name is not None and (node.parent is None or node.parent.name != parent_name):
                    continue
            except Exception:
                continue
            return node
        return None

    def describe(node):
        if node is None:
            return 'nothing'
        try:
            return '%s "%s" in "%s"' % (node.getRoleName(), node.name, node.parent.name if node.parent else '')
        except Exception:
            return 'a vanished accessible'

    def press(keysym_name, moves_focus=True):
        if moves_focus:
            focus['node'] = None
        pyatspi.Registry.generateKeyboardEvent(KEYSYMS[keysym_name], None, pyatspi.KEY_SYM)
        pump(0.1)

    KEYSYMS = {'Tab': 0xff09, 'Home': 0xff50, 'Right': 0xff53, 'Escape': 0xff1b, 'Return': 0xff0d,
               'Menu': 0xff67, 'n': 0x006e, 's': 0x0073}

    root = wait_for(find_app, timeout=60)
    if root is None:
        bail('Koers did not appear on the accessibility bus (%s)' %
             ('still running' if app.poll() is None else 'exited with status %s' % app.returncode))
    frame = wait_for(lambda: find(root, role='frame'), timeout=10)
    if frame is None:
        bail('Koers shows no window')
    # No window manager: give the window the keyboard focus by hand.
    window_id = wait_for(lambda: subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app.pid)],
                                                env=env, capture_output=True, text=True).stdout.split())
    if window_id:
        subprocess.run(['xdotool', 'windowfocus', '--sync', window_id[-1]], env=env,
                       stderr=subprocess.DEVNULL)
    time.sleep(0.5)

    diagram = wait_for(lambda: find(frame, role='panel', name='Social Media Pyramid diagram'), 10)

    def model_title():
        """The model shown, from its diagram's accessible name."""
        try:
            return diagram.name[:-len(' diagram')] if diagram.name.endswith(' diagram') else diagram.name
        except Exception:
            return None

    # --- Tab from the first focus reaches the Pyramid's diagram ---------------

    first_model = model_title()
    path = []
    reached = None
    for _ in range(40):
        press('Tab')
        node = wait_for(lambda: focused(frame), timeout=2)
        path.append(describe(node))
        if model_title() != first_model:
            break
        try:
            if node is not None and node.getRoleName() == 'push button' and \
               node.parent is not None and node.parent.name == 'Social Media Pyramid diagram':
                reached = node
                break
        except Exception:
            pass
    tap(first_model == 'Social Media Pyramid', 'the window opens on the Social Media Pyramid', first_model)
    tap(reached is not None and model_title() == first_model,
        'Tab reaches the Pyramid diagram without changing the model',
        'model now: %s\nfocus path:\n%s' % (model_title(), '\n'.join(path)))
    print('# focus path: ' + ' > '.join(path))
    tap(any(step.startswith('push button "Woonstichting Rivierenland"') for step in path),
        'the organisation\'s name in the sidebar is on the Tab path', '\n'.join(path))
    models_at = [i for i, step in enumerate(path) if step.startswith('list item') and '"Models"' in step]
    header_at = [i for i, step in enumerate(path) if '"Save"' in step or '"Main Menu"' in step]
    tap(bool(models_at) and bool(header_at) and max(header_at) < min(models_at) and reached is not None,
        'the path goes header bar, model list, diagram', '\n'.join(path))

    # --- placing Now with the keys ---------------------------------------------

    press('Home', moves_focus=False)
    monitor = wait_for(lambda: (lambda n: n if n is not None and n.name == 'Monitor' else None)(focused(frame)), 2)
    tap(monitor is not None, 'Home focuses the first stage, Monitor', describe(focused(frame)))
    press('n')
    ok = wait_for(lambda: (lambda n: n is not None and n.description == 'Now is here')(
        find(diagram, role='push button', name='Monitor')), 3)
    tap(bool(ok), 'n places Now on the focused stage')
    press('Right')
    listen = wait_for(lambda: (lambda n: n if n is not None and n.name == 'Listen' else None)(focused(frame)), 2)
    tap(listen is not None, 'Right moves the focus to the next stage, Listen', describe(focused(frame)))

    # --- the stage menu from the keyboard --------------------------------------

    press('Menu')
    item = wait_for(lambda: find(root, role='menu item', name='Place Now Here'), 3)
    tap(item is not None, 'the Menu key opens the stage menu')
    press('Escape')
    wait_for(lambda: find(root, role='menu item', name='Place Now Here') is None, 3)

    # --- placing Now through the stage's own action ------------------------------

    listen = find(diagram, role='push button', name='Listen')
    action_names = []
    done = False
    if listen is not None:
        actions = listen.queryAction()
        action_names = [actions.getName(i) for i in range(actions.nActions)]
        if 'Place Now here' in action_names:
            done = actions.doAction(action_names.index('Place Now here'))
    tap('Place Now here' in action_names and 'Place Goal here' in action_names,
        'each stage offers "Place Now here" and "Place Goal here"', action_names)
    ok = wait_for(lambda: (lambda n: n is not None and n.description == 'Now is here')(
        find(diagram, role='push button', name='Listen')), 3)
    row = wait_for(lambda: find(frame, role='list item', name='Social Media Pyramid: Listen → Create'), 3)
    tap(bool(done) and bool(ok) and row is not None, 'the stage\'s action places Now there')

    # --- the questionnaire, opened and answered without a mouse -------------------

    assess_path = []
    assess = None
    for _ in range(60):
        press('Tab')
        node = wait_for(lambda: focused(frame), timeout=2)
        assess_path.append(describe(node))
        try:
            if node is not None and node.getRoleName() == 'push button' and \
               node.name == 'Assess with Questions…':
                assess = node
                break
        except Exception:
            pass
    tap(assess is not None, 'Tab reaches the model\'s "Assess with Questions…" button',
        '\n'.join(assess_path))
    if assess is not None:
        press('Return', moves_focus=False)

    def questionnaire_window():
        try:
            windows = [root.getChildAtIndex(i) for i in range(root.childCount)]
        except Exception:
            return None
        for node in windows:
            try:
                if node is not None and node.name.startswith('Assess the '):
                    return node
            except Exception:
                continue
        return None

    window = wait_for(questionnaire_window, 10)
    tap(window is not None and window.name == 'Assess the Social Media Pyramid',
        'Return opens the questionnaire for the Pyramid', describe(window))

    def suggestion_text():
        for node in walk(window):
            try:
                if node.name.startswith('Your answers point to ') or node.name == 'No suggestion yet':
                    return node.name
            except Exception:
                continue
        return None

    # GTK 4.8 gives a toggle button the push button's role; newer GTK its own.
    ANSWER_ROLES = {'toggle button', 'push button'}

    def answer_all(answer):
        """Presses every @answer toggle through its action; how many it pressed."""
        pressed = 0
        for node in list(walk(window)):
            try:
                if node.getRoleName() not in ANSWER_ROLES or node.name != answer:
                    continue
                actions = node.queryAction()
                if actions.nActions > 0 and actions.doAction(0):
                    pressed += 1
            except Exception:
                continue
        pump(0.3)
        return pressed

    def all_checked(answer):
        toggles = [n for n in walk(window) if n.getRoleName() in ANSWER_ROLES and n.name == answer]
        return bool(toggles) and all(n.getState().contains(pyatspi.STATE_CHECKED) or
                                      n.getState().contains(pyatspi.STATE_PRESSED) for n in toggles)

    if window is not None:
        before = suggestion_text()
        said_no = answer_all('No')
        after_no = wait_for(lambda: (lambda t: t if t != before else None)(suggestion_text()), 3)
        said_yes = answer_all('Yes')
        after_yes = wait_for(lambda: (lambda t: t if t == 'Your answers point to Create' else None)(
            suggestion_text()), 3)
        tap(said_no > 0 and said_yes == said_no and wait_for(lambda: all_checked('Yes'), 3),
            'each statement is answered through its toggle\'s action',
            'pressed No %d, Yes %d; named Yes: %s' % (said_no, said_yes, sorted(
                {describe(n) for n in walk(window, showing_only=False) if n.name == 'Yes'})))
        tap(before == 'No suggestion yet' and after_no is not None and after_yes is not None and
            after_no != after_yes,
            'the suggestion label follows the answers: another for all No, the top stage for all Yes',
            'before: %s, after No: %s, after Yes: %s' % (before, suggestion_text() if after_no is None else after_no,
                                                         suggestion_text()))

        # Every control says what it is for: no class names, no empty names.
        NAMED_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'entry', 'text',
                       'password text', 'combo box', 'spin button', 'link'}
        unnamed, counted = [], 0
        for node in walk(window, showing_only=False):
            try:
                role = node.getRoleName()
                name = (node.name or '').strip()
            except Exception:
                continue
            if role not in NAMED_ROLES:
                continue
            counted += 1
            if not name or re.fullmatch(r'(Gtk|Adw|Koers)[A-Z]\w*', name) or re.search(r'(^|\s)_\w', name):
                where, up = [], node.parent
                while up is not None and len(where) < 4:
                    if up.name:
                        where.append('%s "%s"' % (up.getRoleName(), up.name))
                    up = up.parent
                unnamed.append('%s "%s", in %s' % (role, name, ' < '.join(where)))
        tap(counted > said_yes and not unnamed,
            'every control in the questionnaire has a proper name (%d controls)' % counted, '\n'.join(unnamed))

        press('Escape', moves_focus=False)
        closed = wait_for(lambda: questionnaire_window() is None, 5)
        tap(bool(closed), 'Escape closes the questionnaire')
        if window_id:
            subprocess.run(['xdotool', 'windowfocus', '--sync', window_id[-1]], env=env,
                           stderr=subprocess.DEVNULL)
        pump(0.3)

    # --- names ------------------------------------------------------------------

    CONTROL_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'combo box',
                     'entry', 'text', 'list item', 'page tab', 'menu item', 'spin button',
                     'slider', 'link', 'password text'}
    bad = []
    for node in walk(root, showing_only=False):
        try:
            role = node.getRoleName()
            focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
            name = node.name or ''
        except Exception:
            continue
        if role not in CONTROL_ROLES and not focusable:
            continue
        if re.fullmatch(r'(Gtk|Adw|Koers)[A-Z]\w*', name) or re.search(r'(^|\s)_\w', name):
            where, up = [], node.parent
            while up is not None and len(where) < 8:
                if up.name:
                    where.append('%s "%s"' % (up.getRoleName(), up.name))
                up = up.parent
            bad.append('%s "%s", in %s' % (role, name, ' < '.join(where)))
    tap(not bad, 'no control is named after its widget class or with a raw mnemonic', '\n'.join(bad))

    # The header's icon buttons are named after their tooltips, which the
    # window sets without asking the X server anything (koers-tooltip.c);
    # a tooltip is also its widget's description, as GTK's own are.
    header = {}
    for label in ('Open…', 'Recent Projects', 'Main Menu', 'Save', 'Export…'):
        node = find(root, name=label)
        try:
            header[label] = None if node is None else (node.getRoleName(), node.description)
        except Exception:
            header[label] = None
    tap(all(header.values()) and header['Save'][1] == 'Save' and header['Export…'][1] == 'Export…',
        'the header\'s icon buttons are named after their tooltips, and described by them', repr(header))

    # --- the roadmap's rows open and close ----------------------------------------

    tab = find(frame, role='page tab', name='Roadmap')
    if tab is not None:
        tab.queryAction().doAction(0)

    def roadmap_row():
        for node in walk(frame):
            try:
                if node.getRoleName() != 'list item' or not node.name:
                    continue
                actions = node.queryAction()
                names = [actions.getName(i) for i in range(actions.nActions)]
                if 'Expand or collapse' in names:
                    return node, actions, names.index('Expand or collapse')
            except Exception:
                continue
        return None

    found = wait_for(roadmap_row, 5)
    expandable = opened = False
    if found is not None:
        node, actions, index = found
        expandable = (node.getState().contains(pyatspi.STATE_EXPANDABLE) and
                      not node.getState().contains(pyatspi.STATE_EXPANDED))
        actions.doAction(index)
        opened = wait_for(lambda: node.getState().contains(pyatspi.STATE_EXPANDED), 3)
    tap(found is not None and expandable, 'a roadmap row is named, expandable and closed',
        found[0].name if found else 'no row with the action')
    tap(bool(opened), 'its "Expand or collapse" action opens it')
    tab = find(frame, role='page tab', name='Assess')
    if tab is not None:
        tab.queryAction().doAction(0)

    # --- saving and reading back -------------------------------------------------

    before = os.path.getmtime(project)
    pyatspi.Registry.generateKeyboardEvent(0x04, None, pyatspi.KEY_LOCKMODIFIERS)  # Control
    press('s')
    pyatspi.Registry.generateKeyboardEvent(0x04, None, pyatspi.KEY_UNLOCKMODIFIERS)
    saved = wait_for(lambda: os.path.getmtime(project) != before, 10)
    placements = {}
    if saved:
        with open(project, encoding='utf-8') as f:
            placements = json.load(f).get('placements', {})
    tap(placements.get('pyramid', {}).get('current') == 'listen' and
        placements.get('pyramid', {}).get('target') == 'create',
        'Ctrl+S saves the placement, and the file reads back', placements.get('pyramid'))

    app.send_signal(signal.SIGTERM)
    try:
        code = app.wait(20)
    except subprocess.TimeoutExpired:
        code = None
    tap(code is not None, 'Koers ends when asked', code)
finally:
    cleanup()

print('1..%d' % len(results))
sys.exit(0 if all(results) else 1)
