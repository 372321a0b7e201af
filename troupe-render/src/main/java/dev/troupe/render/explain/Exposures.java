package dev.troupe.render.explain;

import dev.troupe.api.kinds.app.API;
import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.delivery.WebApplicationBinding;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.gateway.ApiGateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The (REST API, level) pairs of a ServiceBinding or APIBinding (rendering.md §5.3, §4.5) with the
 * names of their route and policies, so a gateway object can be traced back to its API.
 *
 * @param restField where the API's {@code rest} is written, e.g. {@code ServiceBinding "g"
 *     spec.apis.greeter-api.rest}
 * @param backendService the source of the backend Service name
 */
record Exposures(
    String api,
    String className,
    RestApi rest,
    String level,
    String route,
    String securityPolicy,
    String trafficPolicy,
    String restField,
    String backendService) {

  /** {@code public} or {@code organization}. */
  String lv() {
    return level.toLowerCase(Locale.ROOT);
  }

  boolean isPublic() {
    return RestApi.PUBLIC.equals(level);
  }

  /** {@code Organization exposure of API "greeter-api"}. */
  String describe() {
    return level + " exposure of API \"" + api + "\"";
  }

  Optional<APIClass> apiClass(Context ctx) {
    return ctx.snapshot().find(APIClass.class, className);
  }

  static List<Exposures> of(Context ctx) {
    List<Exposures> out = new ArrayList<>();
    String b = ctx.binding().name();
    if (ctx.binding() instanceof ServiceBinding sb && sb.spec() != null) {
      String service = Sources.nameGenerator(63, b) + " (the binding's Service)";
      sb.spec()
          .apisOrEmpty()
          .forEach(
              (name, def) ->
                  add(out, b, name, def, ctx.field("spec.apis." + name + ".rest"), service));
    } else if (ctx.binding() instanceof APIBinding ab && ab.spec() != null) {
      String name = ab.spec().apiName();
      Optional<API> live = ctx.snapshot().find(API.class, name);
      RestApi rest =
          ab.spec().apiSpec() != null
              ? ab.spec().apiSpec().rest()
              : live.map(a -> a.spec().rest()).orElse(null);
      String restField =
          ab.spec().apiSpec() != null
              ? ctx.field("spec.apiSpec.rest")
              : "API \"" + name + "\" spec.rest";
      String service =
          backend(ctx)
              .map(
                  x ->
                      Sources.nameGenerator(63, x.name())
                          + " (Service of "
                          + x.kind()
                          + " \""
                          + x.name()
                          + "\", the API owner's binding in environment "
                          + ctx.environmentName()
                          + ")")
              .orElse(Sources.rendererDefault("4.5") + ": the backend binding's Service");
      add(out, b, name, new ServiceApi(ab.spec().apiClassName(), "REST", rest), restField, service);
    }
    return out;
  }

  private static void add(
      List<Exposures> out, String b, String api, ServiceApi def, String restField, String service) {
    if (def == null || def.rest() == null) {
      return;
    }
    for (String level : ApiGateway.levels(def.rest())) {
      String lv = level.toLowerCase(Locale.ROOT);
      out.add(
          new Exposures(
              api,
              def.className(),
              def.rest(),
              level,
              gen(b, api, lv, "httproute"),
              gen(b, api, lv),
              gen(b, api, lv, "btp"),
              restField,
              service));
    }
  }

  private static String gen(String... parts) {
    return K8sNames.generateWithLengthLimit(K8sNames.DNS_LABEL_MAX, parts);
  }

  /** The Service or WebApplication binding of an APIBinding's owner (rendering.md §4.5). */
  static Optional<ComponentBinding> backend(Context ctx) {
    var owner = ctx.binding().owner();
    return Stream.concat(
            ctx.snapshot().list(ServiceBinding.class).stream(),
            ctx.snapshot().list(WebApplicationBinding.class).stream())
        .map(ComponentBinding.class::cast)
        .filter(
            x ->
                owner != null
                    && owner.equals(x.owner())
                    && ctx.environmentName().equals(x.environmentName()))
        .min(Comparator.comparing(ComponentBinding::name));
  }
}
