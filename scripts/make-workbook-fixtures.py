#!/usr/bin/python3
"""Makes the workbook fixtures of Tests/CatalyseCoreTests/Fixtures/workbooks/ with LibreOffice.

Run once by hand (the fixtures are committed; CI never regenerates them), with Debian's
libreoffice-calc and python3-uno, and the system Python (/usr/bin/python3, which has `uno`):

    swift build && /usr/bin/python3 scripts/make-workbook-fixtures.py

It writes the shipped catalogue's three sheets (`catalyse export-catalogue --as csv`), opens each
CSV file in LibreOffice Calc as a curator would (`;`, UTF-8; date columns read as dates, every
other column as text so that `01` stays `01`), gathers them as three tabs of one workbook and
saves it as OpenDocument (`catalogue.ods`) and as Excel 2007+ (`catalogue.xlsx`). Then the
hostile ones: a formula in an offer's cell (`formula.ods`, `formula.xlsx`), and a workbook whose
offers tab is named otherwise (`no-offers-tab.xlsx`). Last, the three tabs saved back as CSV by
LibreOffice, in UTF-8 with `;` (`libreoffice-utf8/`) and in Windows-1252 with `,`
(`libreoffice-windows-1252/`).
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "CatalyseCoreTests", "Fixtures", "workbooks")
DATES = {"Mis à jour", "Vérifié le"}
TABS = [("catalogue", "catalogue.csv"), ("cabinets", "cabinets.csv"), ("offres", "offres.csv")]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def csv_options(path):
    with open(path, encoding="utf-8-sig") as f:
        header = f.readline().rstrip("\r\n").split(";")
    # Column formats: 2 = text, 5 = date (YMD).
    formats = "/".join(f"{i + 1}/{5 if h.strip() in DATES else 2}" for i, h in enumerate(header))
    # separator ';' (59), text delimiter '"' (34), UTF-8 (76), from line 1, column formats.
    return f"59,34,76,1,{formats}"


def main():
    sheets = tempfile.mkdtemp(prefix="catalyse-sheets-")
    subprocess.run([os.path.join(ROOT, ".build", "debug", "catalyse"), "export-catalogue", "--as", "csv", "-o", sheets, "--force"], check=True)
    profile = tempfile.mkdtemp(prefix="catalyse-lo-")
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore",
                               f"-env:UserInstallation=file://{profile}",
                               "--accept=pipe,name=catalysefixtures;urp;"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=catalysefixtures;urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        hidden = (prop("Hidden", True),)

        def workbook(tab_names):
            doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, hidden)
            for n, (tab, file) in enumerate(TABS):
                path = os.path.join(sheets, file)
                src = desktop.loadComponentFromURL(url(path), "_blank", 0, hidden + (
                    prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", csv_options(path))))
                doc.Sheets.importSheet(src, src.Sheets.getByIndex(0).Name, n)
                doc.Sheets.getByIndex(n).Name = tab_names.get(tab, tab)
                src.close(True)
            while doc.Sheets.Count > len(TABS):
                doc.Sheets.removeByName(doc.Sheets.getByIndex(len(TABS)).Name)
            return doc

        def save(doc, name):
            target = os.path.join(OUT, name)
            flt = "calc8" if name.endswith(".ods") else "Calc Office Open XML"
            doc.storeToURL(url(target), (prop("FilterName", flt), prop("Overwrite", True)))
            print("wrote", os.path.relpath(target, ROOT))

        os.makedirs(OUT, exist_ok=True)
        doc = workbook({})
        save(doc, "catalogue.ods")
        save(doc, "catalogue.xlsx")
        # A formula in the first offer's title (column C, row 2).
        offers = doc.Sheets.getByName("offres")
        offers.getCellByPosition(2, 1).Formula = '=CONCATENATE("Diagnostic";" partagé")'
        save(doc, "formula.ods")
        save(doc, "formula.xlsx")
        # The three tabs saved as CSV by LibreOffice: UTF-8 with ';' and Windows-1252 with ','.
        doc = workbook({})
        for folder, options in [("libreoffice-utf8", "59,34,76,1,,0,false,true,false,false"), ("libreoffice-windows-1252", "44,34,1,1,,0,false,true,false,false")]:
            os.makedirs(os.path.join(OUT, folder), exist_ok=True)
            for n, (tab, file) in enumerate(TABS):
                target = os.path.join(OUT, folder, file)
                # The 12th option token is the sheet to save (1-based); LibreOffice then names the
                # file NAME-TAB.csv.
                doc.storeToURL(url(os.path.join(OUT, folder, "sheet.csv")), (prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", options + f",false,{n + 1}"), prop("Overwrite", True)))
                os.replace(os.path.join(OUT, folder, f"sheet-{tab}.csv"), target)
                print("wrote", os.path.relpath(target, ROOT))
        doc.close(True)
        doc = workbook({"offres": "Feuille3"})
        save(doc, "no-offers-tab.xlsx")
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=30)


if __name__ == "__main__":
    main()
