#!/usr/bin/env python3
"""Draws the package diagram of src/main/java (Mermaid) from the imports, into README.md between the
markers <!-- package-diagram:begin --> and <!-- package-diagram:end -->.

    scripts/package-diagram.py          rewrites the diagram in README.md
    scripts/package-diagram.py --check  exits 1 when README.md's diagram is not the current one (CI)

Nodes: each adapter package, each application feature (its port.in, port.out and services together),
and the domain packages. Edges: an adapter calling a feature's inbound ports ("in"), an adapter
serving a feature's outbound ports ("out"), a feature using another feature's ports, and the
application using the domain (one node: it imports nothing but java.*).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'src/main/java')
README = os.path.join(ROOT, 'README.md')
BEGIN, END = '<!-- package-diagram:begin -->', '<!-- package-diagram:end -->'


def unit(package):
    """The diagram node a package belongs to, or None (java.*, frameworks)."""
    parts = package.split('.')
    if parts[0] == 'adapters' and len(parts) > 1:
        return 'adapters.' + parts[1]
    if parts[0] == 'application' and len(parts) > 1:
        return 'application.' + parts[1]
    if parts[0] == 'domain' and len(parts) > 1:
        return 'domain.' + parts[1]
    return None


def scan():
    edges = {}  # (from, to) -> set of kinds
    units = set()
    for d, _, files in os.walk(SRC):
        for f in files:
            if not f.endswith('.java'):
                continue
            text = open(os.path.join(d, f), encoding='utf-8').read()
            package = re.search(r'^package ([\w.]+);', text, re.M).group(1)
            source = unit(package)
            if source is None:
                continue
            units.add(source)
            for imported in re.findall(r'^import (?:static )?([\w.]+);', text, re.M):
                target_package = '.'.join(p for p in imported.split('.') if p[:1].islower())
                target = unit(target_package)
                if target is None or target == source:
                    continue
                kind = 'in' if '.port.in' in target_package else 'out' if '.port.out' in target_package else ''
                edges.setdefault((source, target), set()).add(kind)
    return sorted(units), edges


def node(u):
    return u.replace('.', '_')


def diagram():
    units, edges = scan()
    layers = {'adapters': [], 'application': [], 'domain': []}
    for u in units:
        layers[u.split('.')[0]].append(u)
    out = ['```mermaid', 'flowchart LR']
    for layer in ('adapters', 'application'):
        out.append(f'  subgraph {layer}')
        for u in layers[layer]:
            out.append(f'    {node(u)}["{u.split(".", 1)[1]}"]')
        out.append('  end')
    # the domain is one node: every feature uses it, and it uses nothing but java.*
    out.append('  domain[["domain: ' + ', '.join(u.split('.', 1)[1] for u in layers['domain']) + '"]]')
    for (a, b), kinds in sorted(edges.items()):
        if b == 'application.shared' or a == 'adapters.config':
            continue  # everyone uses the shared values; config wires everything: both would be noise
        la, lb = a.split('.')[0], b.split('.')[0]
        if la == 'adapters' and lb == 'application':
            label = '/'.join(sorted(k for k in kinds if k)) or 'uses'
            arrow = '-. out .->' if label == 'out' else f'-- {label} -->'
            out.append(f'  {node(a)} {arrow} {node(b)}')
        elif la == 'application' and lb == 'application':
            out.append(f'  {node(a)} -- ports --> {node(b)}')
        # application -> domain (every feature), domain -> domain, adapters -> domain (values they map)
        # and adapters -> adapters.config are left out: noise
    out.append('  application --> domain')
    out.append('```')
    return '\n'.join(out)


def main():
    text = open(README, encoding='utf-8').read()
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    wanted = '\n' + diagram() + '\n'
    if '--check' in sys.argv[1:]:
        if text[start:end] != wanted:
            print('README.md: the package diagram is not current; run scripts/package-diagram.py', file=sys.stderr)
            sys.exit(1)
        return
    open(README, 'w', encoding='utf-8').write(text[:start] + wanted + text[end:])


if __name__ == '__main__':
    main()
