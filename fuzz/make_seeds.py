# Writes the committed seed corpus: python3 fuzz/make_seeds.py fuzz/corpus (team-written text only).
import os, sys
root = sys.argv[1]
texts = [
    "The regime said the so-called deal was a massacre.",
    "Mr. Smith met Dr. Jones in the U.S. Congress on Monday. He left.",
    "They flew to the U.S. The talks failed.",
    "“We won,” she said. ‘No deal’, he claimed.",
    "Line one\r\nLine two\rLine three\n\nLast",
    "Le « régime » a dit non. Il n’a pas parlé.",
    "الحكومة قالت إن الاتفاق فشل.",
    "השלטון אמר שהעסקה נכשלה.",
    "Family: 👨\u200d👩\u200d👧 flags 🇺🇸🇬🇧 skin 👍🏽 end.",
    "cafe\u0301 na\u0308ive e\u0301le\u0300ve",
    "zero\u200bwidth\u200dj\u200cnj words",
    "NUL\x00inside\x00text",
    "",
    "   \t \n  ",
    "a" * 3000,
    "1. 1. 1. 1. 1. 1. 1. 1. 1. 1.",
    "war crimes and crimes against humanity, according to officials.",
    "don’t DON'T Don’t",
    "terrorists terrorism terrorize",
    "日本語のテキストです。中文文本。",
    "Ελληνικά κείμενα. Русский текст. Türkçe metin İstanbul.",
    "e.g. i.e. etc. Inc. Corp. p.m. a.m.",
    "\u2029para\u2028line\u0085nel\x0bvt\x0cff",
    "“unclosed quote\n\n“continued,” she said.",
    "-=+@ formula =HYPERLINK(\"x\")",
    "\ufeffBOM at start",
    "so-called so–called so‐called so - called",
]
def w(target, name, data):
    d = os.path.join(root, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
for i, t in enumerate(texts):
    b = t.encode("utf-8", "surrogatepass")
    w("tokenize", f"text{i:02}", b)
    w("analyze_document", f"text{i:02}", bytes([i % 18, i % 2]) + b)
w("tokenize", "invalid_utf8", b"ab\xff\xfecd \xc3\x28 \xe2\x82")
lex = [
    "pattern,category,polarity,intensity,lemma,note,source\nmassacre,loaded/violence,-2,3,,,team\n=said,attribution/neutral,0,1,say,,team\nterroris*,loaded/label,-2,,,,team\nwar crimes,loaded/violence,-2,,,,team\nso-called,hedge,,,,,team\n",
    "pattern,category\n\n\nregime,loaded\n",
    "pattern,category,polarity\nx,loaded,5\n",
    "pattern,category,intensity\nx,loaded,high\n",
    "pattern,category,colour\nx,loaded,red\n",
    "pattern,note\nx,y\n",
    "",
    "pattern,category\nSo-called,hedge\nso called,hedge\n",
    "pattern,category\n--,hedge\n",
    "pattern,category\nter*ror,x\n",
    "pattern,category\n\"unclosed,x\n",
    "\ufeffpattern,category\nx,a/b/c/d\n",
    "pattern,category\nx,a//b\n",
    "pattern,category\nx,a b\n",
    "pattern,category\n=don’t,neg\nanti-semit*,loaded\n",
    "pattern,category,polarity\nx,loaded,\u22122\ny,loaded,+1\n",
    "pattern,category\nx,loaded,extra\n",
    "pattern,category,pattern\nx,y,z\n",
    "pattern,category\r\nx,loaded\r\ny,loaded\r\n",
    "pattern,category\n日本,loaded\nالحكومة,loaded\n",
]
for i, l in enumerate(lex):
    w("lexicon_parse", f"lex{i:02}", l.encode())
csvs = [
    b"id,outlet,title,text\n1,A,Head,The regime said so.\n2,B,,A massacre.\n",
    b"outlet,text\nA,one\nB,two,three\nC\n",
    b"id,outlet,text\n1,A,\"unclosed quote\n2,B,text\n",
    b"id,outlet,text\n1,A,\"quoted, with \"\"escapes\"\"\"\n",
    b"id,source,body\n1,A,text\n",
    b"id,outlet,text,text\n1,A,x,y\n",
    b"\xef\xbb\xbfid,outlet,text\n1,A,bom\n",
    b"\xff\xfei\x00d\x00,\x00o\x00u\x00t\x00l\x00e\x00t\x00,\x00t\x00e\x00x\x00t\x00\n\x001\x00,\x00A\x00,\x00h\x00i\x00\n\x00",
    b"id,outlet,text\n1,A,bad \xff byte\n2,A,ok\n",
    b"id,outlet,text\n1,A,nul\x00here\n",
    b"id,outlet,text\n1,A,   \n2,,x\n3,A,\n",
    b"id,outlet,text\n1,A,x\n1,A,y\n",
    b"id,outlet,text\r\n1,A,crlf\r\n2,B,two\r\n",
    b"id,outlet,text\r1,A,cr only\r2,B,two\r",
    b"",
    b"outlet,text",
    b"id,outlet,text\n1,A,\"multi\nline\r\ntext\"\n",
    b"id,outlet,text\n1,=cmd,@x\n",
]
for i, c in enumerate(csvs):
    w("csv_input", f"csv{i:02}", bytes([i % 2]) + c)
jsonls = [
    b'{"id":"1","outlet":"A","title":"Head","text":"The regime said so."}\n{"outlet":"B","text":"A massacre."}\n',
    b'{oops\n{"outlet":"A","text":"x"}\n',
    b'[1,2]\n"string"\n42\nnull\n',
    b'{"outlet":"A","text":["x"]}\n',
    b'{"outlet":"A","text":"x","id":7}\n{"outlet":"A","text":"y","id":7}\n',
    b'\xef\xbb\xbf{"outlet":"A","text":"bom"}\n',
    b'{"outlet":"A","text":"bad \xff byte"}\n',
    b'{"outlet":"A","text":"nul\\u0000esc"}\n',
    b'{"outlet":"A","text":"lone \\ud800 surrogate"}\n',
    b'{"outlet":"A","text":"   "}\n{"outlet":"","text":"x"}\n{"text":"x"}\n',
    b'{"outlet":"A","text":"crlf"}\r\n{"outlet":"B","text":"cr"}\r{"outlet":"C","text":"lf"}\n',
    b'\n\n   \n{"outlet":"A","text":"after blanks"}',
    b'{"outlet":"A","text":"truncated',
    b'{"outlet":"A","text":"x","title":null,"event":1.5e300,"date":true}\n',
    b'{"outlet":"A","text":"deep","x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}\n',
    b'\xff\xfe{\x00"\x00o\x00u\x00t\x00l\x00e\x00t\x00"\x00:\x00"\x00A\x00"\x00,\x00"\x00t\x00e\x00x\x00t\x00"\x00:\x00"\x00h\x00i\x00"\x00}\x00\n\x00',
    b'',
]
for i, j in enumerate(jsonls):
    w("jsonl_input", f"jsonl{i:02}", bytes([i % 2]) + j)
