-- wrk script: every request opens a ticket through ticket-service's REST API as the demo agent.
-- The token comes from the environment (the bench script fetches it from Keycloak).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("RELAYDESK_TOKEN")
wrk.body = '{"title":"Printer on floor 3 prints blank pages","description":"Since this morning every page comes out blank.",'
        .. '"clientEmail":"bench.client@example.com","clientName":"Bench Client","source":"API"}'

-- Any answer other than 201 makes the run invalid (wrk counts them; the script checks the count).
