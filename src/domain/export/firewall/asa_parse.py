"""Reads a generated Cisco ASA file (stdin) with the cisco.asa collection's parsers, for ciscoAsa.test.ts.

Prints JSON: `acls` and `ogs` as AclsTemplate and OGsTemplate parse them (access-lists and
object-groups), and `objects`: the `object network` blocks, which OGsTemplate does not read, by
this script's own small parse (name -> list of [keyword, value...] body lines). Run with Debian's
/usr/bin/python3, where the `ansible` package puts the collection.
"""
import json
import sys

from ansible_collections.cisco.asa.plugins.module_utils.network.asa.rm_templates.acls import AclsTemplate
from ansible_collections.cisco.asa.plugins.module_utils.network.asa.rm_templates.ogs import OGsTemplate

text = sys.stdin.read()
lines = text.splitlines()

objects = {}
current = None
for line in lines:
    if line.startswith("object network "):
        current = line.split()[2]
        objects[current] = []
    elif line.startswith(" ") and current is not None:
        objects[current].append(line.split())
    else:
        current = None

json.dump(
    {
        "acls": AclsTemplate(lines=lines).parse(),
        "ogs": OGsTemplate(lines=lines).parse(),
        "objects": objects,
    },
    sys.stdout,
)
