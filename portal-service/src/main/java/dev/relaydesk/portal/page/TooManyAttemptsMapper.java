package dev.relaydesk.portal.page;

import dev.relaydesk.portal.link.TooManyFailedLookupsException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An address that guessed too many links gets a plain page asking it to wait, not a hint about any token. */
public class TooManyAttemptsMapper {

    private final Template tooManyAttempts;

    TooManyAttemptsMapper(@Location("TicketPage/tooManyAttempts") Template tooManyAttempts) {
        this.tooManyAttempts = tooManyAttempts;
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyFailedLookupsException e) {
        return Response.status(429).type(MediaType.TEXT_HTML_TYPE).header("Retry-After", "900")
                .entity(tooManyAttempts.instance().render()).build();
    }
}
