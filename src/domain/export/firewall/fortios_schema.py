"""Dump the FortiOS CLI schema the Ansible collection fortinet.fortios carries (Debian: ansible).

Usage: /usr/bin/python3 fortios_schema.py firewall_address firewall_policy ...
Prints JSON: {table: {cli-attribute: {type, elements?, revisions, options?, children?}}}, with
attribute names as the CLI spells them (the modules use `_` where the CLI has `-`).
"""
import importlib
import json
import sys


def versions(revisions):
    return sorted(v for v, present in (revisions or {}).items() if present)


def attribute(spec):
    out = {"type": spec.get("type"), "revisions": versions(spec.get("revisions"))}
    if "elements" in spec:
        out["elements"] = spec["elements"]
    if "options" in spec:
        out["options"] = {o["value"]: versions(o.get("revisions")) for o in spec["options"]}
    if "children" in spec:
        out["children"] = attributes(spec["children"])
    return out


def attributes(children):
    return {name.replace("_", "-"): attribute(spec) for name, spec in children.items()}


def main(tables):
    out = {}
    for table in tables:
        module = importlib.import_module(
            "ansible_collections.fortinet.fortios.plugins.modules.fortios_" + table
        )
        schema = module.versioned_schema
        out[table] = {"revisions": versions(schema.get("revisions")), "attributes": attributes(schema["children"])}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
