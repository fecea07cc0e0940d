#!/usr/bin/env python3
"""Logs an agent in on the agent UI (Keycloak authorization code flow) and prints the Cookie header that
carries the web session, for wrk. Usage: login.py <ui base url> <user> <password>"""
import html
import re
import sys
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar, DefaultCookiePolicy


class LoopbackPolicy(DefaultCookiePolicy):
    # Keycloak marks its login cookies Secure; on 127.0.0.1 a browser sends them anyway (a secure context).
    def return_ok_secure(self, cookie, request):
        return True


base, user, password = sys.argv[1:4]
jar = CookieJar(policy=LoopbackPolicy())
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
login_page = opener.open(base + "/ui", timeout=30).read().decode()
action = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', login_page)
if not action:
    sys.exit("no Keycloak login form at " + base + "/ui")
form = urllib.parse.urlencode({"username": user, "password": password, "credentialId": ""}).encode()
inbox = opener.open(html.unescape(action.group(1)), data=form, timeout=30).read().decode()
if "<h1>Inbox</h1>" not in inbox:
    sys.exit("login as " + user + " failed")
print("; ".join(c.name + "=" + c.value for c in jar if c.path.startswith("/ui") or c.name.startswith("q_session")))
