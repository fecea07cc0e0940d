"""The external screening service of the bench: accepts every draft after a fixed delay (5 ms by default).

It does not verify signatures (the gateway's signing cost is still paid on the gateway's side); it counts the
requests, so the bench can tell that the gateway really asked it. Usage: python3 provider.py PORT [DELAY_MS]
"""
import http.server
import sys
import threading
import time

PORT = int(sys.argv[1])
DELAY = float(sys.argv[2] if len(sys.argv) > 2 else 5) / 1000
answered = 0
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real provider behind a load balancer would

    def do_POST(self):
        global answered
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/screen":
            time.sleep(DELAY)
            body = b'{"decision": "accept"}'
            with lock:
                answered += 1
        else:
            body = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # /count: how many drafts were screened
        body = str(answered).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
