#!/usr/bin/env python3
"""A static web host for the update tests, on 127.0.0.1, with the failures a real one can have.

    update-server.py ROOT PORT_FILE

Serves ROOT/<site>/<file> at /<mode>/<site>/<file>, writing the port it listens on to PORT_FILE.
Modes: ok (ETag and Last-Modified, 304 on a match); for the compiled catalogue only: trickle (one
byte every 0.4 s), big (more bytes than the file, announced), close (half the body, then the
connection closed), short (the file cut to two thirds, announced so); for everything: loop (a
redirect to itself), status500.
"""
import hashlib, os, sys, time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.split("/", 2)
        mode, rest = (parts[1], parts[2]) if len(parts) == 3 else ("", "")
        if mode == "loop":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if mode == "status500":
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        path = os.path.join(ROOT, rest)
        if ".." in rest or not os.path.isfile(path):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = open(path, "rb").read()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        catalogue = path.endswith(".catalyse")
        if not catalogue or mode == "ok":
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", formatdate(os.path.getmtime(path), usegmt=True))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if mode == "short":
            body = body[: len(body) * 2 // 3]
        if mode == "big":
            body = body + b"\0" * 4096
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if mode == "trickle":
            for b in body:
                self.wfile.write(bytes([b]))
                self.wfile.flush()
                time.sleep(0.4)
        elif mode == "close":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(2)
            self.close_connection = True
        else:
            self.wfile.write(body)

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()
