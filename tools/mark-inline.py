#!/usr/bin/env python3
# Bring content/*.json under inline markup (model/src/inline.rs): the two hotline numbers and two
# addresses become [[tel:]] / [[url:]], and Latin-script names of several words or with digits
# or punctuation inside a sentence of another script become [[en:]] (the same rule as
# model/src/content/inline_rules.rs latin_runs). Idempotent. Run from the repo root:
#   python3 tools/mark-inline.py          # counts only
#   python3 tools/mark-inline.py --write  # rewrites the files (indent 1, as they are)
import json, re, sys, glob
LANGS = [f for f in sorted(glob.glob('content/*.json')) if not f.endswith('sources.json')]
PHONES = ['1-800-898-7180', '1-888-351-4024']
URLS = {
  'locator.ice.gov': 'https://locator.ice.gov/odls/',
  'justice.gov/eoir/list-pro-bono-legal-service-providers': 'https://www.justice.gov/eoir/list-pro-bono-legal-service-providers',
}
MARK = re.compile(r'\[\[.*?\]\]')
def is_latin(c): return c.isalpha() and (c <= '\u024f' or '\u1e00'<=c<='\u1eff')
def is_other(c): return c.isalpha() and not is_latin(c)
def in_run(c): return is_latin(c) or c in '0123456789' or c in " .-/()'’&…–"
def trim(run):
    words = run.split(' ')
    first = next((k for k,w in enumerate(words) if any(is_latin(c) for c in w)), None)
    if first is None: return None
    skip = sum(len(w)+1 for w in words[:first])
    r = run[skip:]
    while True:
        before = r
        r = r.rstrip(" .,:-/('’")
        if r.endswith(')') and r.count('(') < r.count(')'): r = r[:-1]
        if ' ' in r:
            head, last = r.rsplit(' ', 1)
            prev = head.rsplit(' ', 1)[-1]
            numbered = any(c in '0123456789' for c in last) and (any(c in '0123456789' for c in prev) or (len(prev) <= 2 and prev.isupper()) or ')' in last)
            if not any(is_latin(c) or c == '…' for c in last) and not numbered: r = head
        if r == before: break
    l = r.lstrip(".-/)'’")
    skip += len(r) - len(l); r = l
    if r.startswith('(') and r.count('(') > r.count(')'): r = r[1:]; skip += 1
    if not r or not any(is_latin(c) for c in r): return None
    return skip, len(r)
def latin_runs(t):
    out=[]; i=0
    while i < len(t):
        if not (is_latin(t[i]) or t[i] in '0123456789'): i+=1; continue
        j=i
        while j < len(t) and in_run(t[j]): j+=1
        depth = 0
        for k in range(i, j):
            depth += (t[k] == '(') - (t[k] == ')')
            if depth < 0: j = k; break
        opened = []
        for k in range(i, j):
            if t[k] == '(': opened.append(k)
            elif t[k] == ')' and opened: opened.pop()
        if opened: j = opened[0]
        r = trim(t[i:j])
        if r:
            s, n = r
            seg = t[i+s:i+s+n]
            if any(not is_latin(c) for c in seg): out.append((i+s, i+s+n))
        i = max(j, i+1)
    return out
def wrap_latin(t):
    runs = latin_runs(t)
    for a,b in reversed(runs):
        t = t[:a] + '[[en:' + t[a:b] + ']]' + t[b:]
    return t, len(runs)
counts = {}
def fix(text, lang, stats):
    parts = MARK.split(text); marks = MARK.findall(text)
    latin = any(is_other(c) for c in text)
    out=[]
    for k,p in enumerate(parts):
        for ph in PHONES:
            n = p.count(ph); stats['tel'] += n
            p = p.replace(ph, '[[tel:%s]]' % ph)
        for short, full in URLS.items():
            n = len(re.findall(r'(?<![/\w.])' + re.escape(short) + r'(?![\w/-])', p)); stats['url'] += n
            p = re.sub(r'(?<![/\w.])' + re.escape(short) + r'(?![\w/-])', '[[url:%s]]' % full, p)
        if latin:
            sub = MARK.split(p); sm = MARK.findall(p); res=[]
            for m,q in enumerate(sub):
                q, n = wrap_latin(q); stats['en'] += n
                res.append(q)
                if m < len(sm): res.append(sm[m])
            p = ''.join(res)
        out.append(p)
        if k < len(marks): out.append(marks[k])
    return ''.join(out)
TEXT_KEYS = {'title','summary','text','note','hint'}
def walk(o, lang, stats):
    if isinstance(o, dict):
        for k,v in o.items():
            if k in TEXT_KEYS and isinstance(v, str): o[k] = fix(v, lang, stats)
            else: walk(v, lang, stats)
    elif isinstance(o, list):
        for x in o: walk(x, lang, stats)
total = {'tel':0,'url':0,'en':0}
for f in LANGS:
    c = json.load(open(f)); stats = {'tel':0,'url':0,'en':0}
    walk(c, f, stats)
    if '--write' in sys.argv:
        open(f,'w').write(json.dumps(c, ensure_ascii=False, indent=1)+'\n')
    print(f, stats)
    for k in total: total[k]+=stats[k]
print('total', total)
