-- wrk script: ticket-service's own call, the gateway's /internal/screening, alone.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Relaydesk-Internal-Key"] = os.getenv("RELAYDESK_INTERNAL_KEY")
wrk.body = '{"projectKey":"SUP","title":"Printer on floor 3 prints blank pages","description":"Blank pages.",'
        .. '"clientEmail":"bench.client@example.com","clientName":"Bench Client","source":"WEB_FORM","customFields":{}}'
