#!/usr/bin/env python3
"""Builds the evaluation corpus in src/test/resources/eval/corpus from Debian documentation packages.

Needs: apt-get install -y frr-doc bird2-doc debian-reference-zh-cn manpages-zh
Run from the retrieval module: python3 eval-tools/make_corpus.py
The corpus is committed; this script only documents (and can repeat) how it was made.
"""
import gzip, html, os, re, subprocess, sys

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'eval', 'corpus')
FRR = '/usr/share/doc/frr/html/_sources'
FRR_FILES = {  # file: max characters kept (the start of the chapter)
    'ospfd': 44000, 'bgp': 70000, 'static': 7000, 'bfd': 22000, 'vrrp': 24000, 'isisd': 17000,
    'ripd': 19000, 'routemap': 13000, 'filter': 7000, 'zebra': 30000, 'pbr': 14000,
}
HEADING_CHARS = '*=-~^"+#'


def inline(text):
    text = re.sub(r':abbr:`([^`]*?)`', lambda m: m.group(1), text)
    text = re.sub(r':rfc:`(\d+)`', r'RFC \1', text)
    text = re.sub(r':(?:ref|doc|clicmd|file|option|term|command|program|kbd|envvar)?:`([^`<]*?)\s*(?:<[^>]*>)?`', r'\1', text)
    text = re.sub(r'``([^`]*)``', r'\1', text)
    text = re.sub(r'`([^`<]*?)\s*(?:<[^>]*>)?`_*', r'\1', text)
    text = re.sub(r'(?<![\w*])\*{1,2}([^*\n]+?)\*{1,2}(?![\w*])', r'\1', text)
    return text


def rst_to_markdown(source):
    lines = source.split('\n')
    out, levels, i = [], [], 0

    def block(start, base):
        """Indented lines from start, deeper than base; returns (lines, next index)."""
        body, j = [], start
        while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > base):
            body.append(lines[j])
            j += 1
        while body and not body[-1].strip():
            body.pop()
        while body and not body[0].strip():
            body.pop(0)
        ind = min((len(l) - len(l.lstrip()) for l in body if l.strip()), default=0)
        return [l[ind:] for l in body], j

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ''
        # headings: over+underline or underline
        if stripped and set(stripped) <= set(HEADING_CHARS) and len(stripped) >= 3 and i + 2 < len(lines) \
                and lines[i + 2].strip() and set(lines[i + 2].strip()) == set(stripped) \
                and not lines[i + 1].strip().startswith('|'):
            key = stripped[0] + 'o'
            title = lines[i + 1].strip()
            i += 3
        elif stripped and nxt.strip() and set(nxt.strip()) <= set(HEADING_CHARS) and len(set(nxt.strip())) == 1 \
                and len(nxt.strip()) >= max(3, len(stripped) - 2) and not line.startswith(' ') \
                and not stripped.startswith(('|', '+')):
            key = nxt.strip()[0]
            title = stripped
            i += 2
        else:
            key = None
        if key:
            if key not in levels:
                levels.append(key)
            out += ['', '#' * min(6, levels.index(key) + 1) + ' ' + inline(title), '']
            continue
        m = re.match(r'^(\s*)\.\. (\w[\w-]*)::\s*(.*)$', line)
        if m:
            indent, name, arg = len(m.group(1)), m.group(2), m.group(3)
            body, j = block(i + 1, indent)
            # skip directive options like ":caption:"
            while body and re.match(r'^:\w[\w-]*:(\s|$)', body[0]):
                body.pop(0)
            if name == 'clicmd':
                out += ['', '```', arg, '```', ''] + nested(body) + ['']
            elif name in ('code-block', 'code'):
                out += ['', '```'] + body + ['```', '']
            elif name in ('option',):
                out += ['', 'Option ' + arg + ':'] + nested(body) + ['']
            elif name in ('note', 'warning', 'tip', 'seealso', 'important', 'attention', 'caution', 'admonition'):
                out += ['', name.capitalize() + ': ' + inline(arg)] + nested(body) + ['']
            elif name in ('include', 'index', 'figure', 'image', 'toctree', 'graphviz', 'only', 'program', 'glossary'):
                pass
            else:
                out += nested(body)
            i = j
            continue
        if re.match(r'^\s*\.\. _[^:]+:\s*$', line) or re.match(r'^\s*\.\. \|', line):
            i += 1
            continue
        if stripped.endswith('::') and not stripped.startswith('..'):
            indent = len(line) - len(line.lstrip())
            text = stripped[:-1] if stripped != '::' else ''
            if text:
                out.append(' ' * indent + inline(text.rstrip(':') + ':'))
            k = i + 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k < len(lines) and len(lines[k]) - len(lines[k].lstrip()) > indent:
                body, j = block(k, indent)
                out += ['', '```'] + body + ['```', '']
                i = j
                continue
            i += 1
            continue
        out.append(inline(line.rstrip()))
        i += 1
    text = '\n'.join(out)
    text = re.sub(r':abbr:`([^`]*?)`', lambda m: re.sub(r'\s+', ' ', m.group(1)), text, flags=re.S)
    return re.sub(r'\n{3,}', '\n\n', text).strip() + '\n'


def nested(body):
    return rst_to_markdown('\n'.join(body)).rstrip('\n').split('\n') if body else []


def cut(text, limit):
    if len(text) <= limit:
        return text
    pos = text.rfind('\n#', 0, limit)
    return text[:pos if pos > limit // 2 else limit].rstrip() + '\n'


def dedented(text):
    out = []
    for line in text.split('\n'):
        out.append(line[4:] if line.startswith('    ') else line.lstrip())
    return '\n'.join(out)


def debian_reference():
    text = gzip.open('/usr/share/debian-reference/debian-reference.zh-cn.txt.gz', 'rt', encoding='utf-8').read().replace('\u00a0', ' ')
    start = text.index('\n第 5 章 网络设置')
    end = text.index('\n第 7 章')
    chapter = text[start:end]
    kept, skipping = [], False
    for line in chapter.split('\n'):
        s = line.strip()
        if s.startswith('+---') or (s.startswith('|') and s.endswith('|')):
            continue  # box tables wrap their cells over many lines: unreadable as text
        if re.match(r'^表 \d', s):
            continue
        kept.append(line)
    body = dedented('\n'.join(kept))
    body = re.sub(r'\n{3,}', '\n\n', body)
    return cut(body.strip() + '\n', 60000)


MAN_PAGES = ['man8/ifconfig.8.gz', 'man8/route.8.gz', 'man8/netstat.8.gz', 'man8/ping.8.gz',
             'man8/iptables.8.gz', 'man8/tcpdump.8.gz']


def man_page(path):
    env = dict(os.environ, MANWIDTH='100', LANG='zh_CN.UTF-8', LC_ALL='C.UTF-8')
    raw = subprocess.run(['man', '-l', '-Tutf8', os.path.join('/usr/share/man/zh_CN', path)], capture_output=True,
                         env=env).stdout.decode('utf-8', 'replace')
    raw = re.sub(r'.\x08', '', raw)
    raw = re.sub(r'\x1b\[[0-9;]*m', '', raw)
    out = []
    for line in raw.split('\n')[1:-2]:
        if line and not line.startswith(' '):
            out += ['', '## ' + line.strip(), '']
        else:
            out.append(line[7:] if line.startswith('       ') else line.strip())
    name = os.path.basename(path).split('.')[0]
    body = re.sub(r'\n{3,}', '\n\n', '\n'.join(out)).strip()
    return '# ' + name + '\n\n' + body + '\n'


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, limit in FRR_FILES.items():
        src = open(os.path.join(FRR, name + '.rst.txt'), encoding='utf-8').read()
        with open(os.path.join(OUT, 'frr-' + name + '.md'), 'w', encoding='utf-8') as f:
            f.write(cut(rst_to_markdown(src), limit))
    with open(os.path.join(OUT, 'debian-reference-network.zh.txt'), 'w', encoding='utf-8') as f:
        f.write(debian_reference())
    for page in MAN_PAGES:
        name = os.path.basename(page).split('.')[0]
        text = man_page(page)
        with open(os.path.join(OUT, 'man-' + name + '.zh.md'), 'w', encoding='utf-8') as f:
            f.write(cut(text, 30000))


if __name__ == '__main__':
    main()
