#!/usr/bin/env python3
"""Regenerates the NER name dictionaries in src/main/resources/dev/polder/pii/ner/names/.

Inputs (none is committed; fetch them with the ordinary clients):
  --corenlp-models  stanford-corenlp-4.5.10-models.jar (Maven Central, GPL-3.0-or-later)
  --fakerjs-names   names.json dumped from @faker-js/faker 10.1.0 (npm, MIT) by dump_fakerjs_names.mjs
  --common-words    /usr/share/dict/american-english-small (Debian wamerican-small, SCOWL size 35)

Honest evaluation: the evaluation texts take their names from net.datafaker, whose locale files
share their ancestry (Ruby faker) with faker-js. So a deterministic quarter of the faker-js entries
(FNV-1a of the lower-cased name, bucket 0 of 4) is held out and never enters the dictionary; the
evaluation reports recall on names the dictionary does not contain separately. The English faker-js
lists are left out altogether (they are the very lists datafaker's English names come from); English
names come from CoreNLP's census-derived lists instead.
"""
import argparse, json, os, unicodedata, zipfile

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'dev', 'polder', 'pii', 'ner', 'names')
HELD_OUT_BUCKETS = 4


def norm(s):
    return unicodedata.normalize('NFC', s.strip()).lower()


def fnv1a(s):
    h = 0x811C9DC5
    for b in s.encode('utf-8'):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def held_out(name):
    return fnv1a(name) % HELD_OUT_BUCKETS == 0


def tokens(entry):
    # faker-js has a few multi-word entries ("An Bình", "Adam Perl"): each word is a name token.
    return [t for t in norm(entry).replace('-', ' ').split() if len(t) > 0]


def write(name, header, entries):
    entries = sorted(set(e for e in entries if e))
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        for line in header:
            f.write('# ' + line + '\n')
        f.write('# entries: %d (lower-cased, NFC)\n' % len(entries))
        for e in entries:
            f.write(e + '\n')
    print(name, len(entries))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corenlp-models', required=True)
    ap.add_argument('--fakerjs-names', required=True)
    ap.add_argument('--common-words', required=True)
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)

    with zipfile.ZipFile(a.corenlp_models) as z:
        given = [l.split('\t')[0] for l in z.read('edu/stanford/nlp/models/dcoref/namegender.combine.txt').decode().splitlines() if l]
        either = [l.split('\t')[0] for l in z.read('edu/stanford/nlp/models/quoteattribution/gender_filtered.txt').decode().splitlines() if l]
    corenlp_header = ['Source: Stanford CoreNLP 4.5.10 models jar (Maven Central edu.stanford.nlp:stanford-corenlp:4.5.10:models),',
                      '  file %s.', 'Licence: GPL-3.0-or-later (Stanford CoreNLP). Regenerate: tools/build_name_dictionaries.py']
    write('given-corenlp.txt', [corenlp_header[0], corenlp_header[1] % 'edu/stanford/nlp/models/dcoref/namegender.combine.txt', corenlp_header[2]],
          [t for g in given for t in tokens(g)])
    write('name-corenlp.txt', [corenlp_header[0], corenlp_header[1] % 'edu/stanford/nlp/models/quoteattribution/gender_filtered.txt',
                               'Given names and surnames together (the file does not tell them apart).', corenlp_header[2]],
          [t for g in either for t in tokens(g)])

    fk = json.load(open(a.fakerjs_names, encoding='utf-8'))
    fgiven, fsur = set(), set()
    for loc, v in fk.items():
        if loc == 'en' or loc.startswith('en_'):
            continue
        fgiven.update(t for e in v['first'] for t in tokens(e))
        fsur.update(t for e in v['last'] for t in tokens(e))
    fk_header = ['Source: @faker-js/faker 10.1.0 locale data (npm), person.first_name / person.last_name of every',
                 '  non-English locale. Licence: MIT (Copyright (c) 2022-2025 Faker).',
                 'Held out for honest evaluation: entries with FNV-1a(lower-cased name) %% %d == 0 are removed.' % HELD_OUT_BUCKETS,
                 'Regenerate: tools/build_name_dictionaries.py']
    write('given-fakerjs.txt', fk_header, [t for t in fgiven if not held_out(t)])
    write('surname-fakerjs.txt', fk_header, [t for t in fsur if not held_out(t)])

    # Everyday lower-case English words: a name that is one ("will", "rose") counts only with
    # support, and an unknown word that is not one may be part of a name next to a known name.
    words = set(l.strip() for l in open(a.common_words, encoding='utf-8') if l.strip().islower() and l.strip().isalpha())
    write('common-words-english.txt', ['Lower-case English words (names that are also words need support to count).',
                                       'Source: Debian wamerican-small 2020.12.07 (SCOWL size 35 word list).',
                                       'Licence: SCOWL (permissive; see /usr/share/doc/wamerican-small/copyright).',
                                       'Regenerate: tools/build_name_dictionaries.py'], words)


if __name__ == '__main__':
    main()
