-- wrk script: an authenticated GET as the demo agent (the token comes from the environment), for the stack ceiling.
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("RELAYDESK_TOKEN")
