package uk.supervision.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.AuthApi;
import uk.supervision.api.model.ClientToken;
import uk.supervision.api.model.ClientTokenRequestGrantType;
import uk.supervision.api.model.RefreshRequest;
import uk.supervision.api.model.SignInRequest;
import uk.supervision.api.model.TokenPair;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class AuthController implements AuthApi {
    private final AuthService auth;
    private final CallerProvider callers;
    private final HttpClientAddressResolver addressResolver;

    public AuthController(AuthService auth, CallerProvider callers, HttpClientAddressResolver addressResolver) {
        this.auth = auth;
        this.callers = callers;
        this.addressResolver = addressResolver;
    }

    @Override
    public HttpResponse<TokenPair> signIn(SignInRequest body) {
        String address = ServerRequestContext.currentRequest().map(addressResolver::resolve).orElse("unknown");
        return noStore(HttpResponse.ok(auth.signIn(body.getUsername(), body.getPassword(), address)));
    }

    @Override
    public HttpResponse<TokenPair> refreshToken(RefreshRequest body) {
        return noStore(HttpResponse.ok(auth.refresh(body.getRefreshToken())));
    }

    @Override
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<Void> signOut(RefreshRequest body) {
        auth.signOut(callers.person(), body.getRefreshToken());
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<ClientToken> issueClientToken(@Body("grant_type") ClientTokenRequestGrantType grantType,
                                                      @Nullable @Body("client_id") String clientId,
                                                      @Nullable @Body("client_secret") String clientSecret,
                                                      @Nullable @Body("scope") String scope) {
        String id = clientId;
        String secret = clientSecret;
        String basic = ServerRequestContext.currentRequest().map(HttpRequest::getHeaders)
                .flatMap(h -> h.getAuthorization()).orElse(null);
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException ignored) {
                // not base64: treated as no credentials
            }
        }
        String address = ServerRequestContext.currentRequest().map(addressResolver::resolve).orElse("unknown");
        return noStore(HttpResponse.ok(auth.clientToken(id, secret, scope, address)));
    }

    private static <T> HttpResponse<T> noStore(io.micronaut.http.MutableHttpResponse<T> response) {
        return response.header("Cache-Control", "no-store");
    }
}
