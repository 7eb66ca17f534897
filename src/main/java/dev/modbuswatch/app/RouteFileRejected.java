package dev.modbuswatch.app;

import org.apache.camel.NoSuchBeanException;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.model.RouteDefinition;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Why a saved route file was not applied, in one line that says where in the file: the line and column the YAML loader
 * gives for a syntax or model error, else the line that names what could not be found (a bean, an endpoint).
 */
final class RouteFileRejected extends Exception {

    private RouteFileRejected(String reason, Throwable cause) {
        super(reason, cause);
    }

    static RouteFileRejected because(String reason) {
        return new RouteFileRejected(reason, null);
    }

    /** The file could not be read into routes: YAML syntax, an unknown field, a wrong value. */
    static RouteFileRejected loading(Throwable failure) {
        MarkedYamlEngineException marked = find(failure, MarkedYamlEngineException.class);
        if (marked != null && marked.getProblemMark().isPresent()) {
            Mark mark = marked.getProblemMark().get();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return new RouteFileRejected("line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
                    + marked.getProblem() + context, failure);
        }
        return new RouteFileRejected(message(failure), failure);
    }

    /** A route of the file could not be created: an unknown bean, endpoint or component, an invalid expression. */
    static RouteFileRejected creating(RouteDefinition route, RouteFileSnapshot file, Throwable failure) {
        String reason;
        String name;
        NoSuchBeanException bean = find(failure, NoSuchBeanException.class);
        ResolveEndpointFailedException endpoint = find(failure, ResolveEndpointFailedException.class);
        NoSuchEndpointException noEndpoint = find(failure, NoSuchEndpointException.class);
        if (bean != null) {
            name = bean.getName();
            reason = "no bean named '" + name + "'";
        } else if (endpoint != null) {
            name = endpoint.getUri();
            reason = "endpoint " + name + ": " + message(endpoint.getCause() == null ? endpoint : endpoint.getCause());
        } else if (noEndpoint != null) {
            name = noEndpoint.getUri();
            reason = "no endpoint " + name;
        } else {
            name = null;
            reason = message(failure);
        }
        int routeLine = route.getInput() == null ? -1 : route.getInput().getLineNumber();
        return new RouteFileRejected(where(file, routeLine, name) + "route " + route.getRouteId() + ": " + reason,
                failure);
    }

    /** "line L, column C: " of the first mention of {@code name} from the route's line on, else of the route. */
    private static String where(RouteFileSnapshot file, int routeLine, String name) {
        if (routeLine < 1) {
            return "";
        }
        if (name != null) {
            String text;
            for (int line = routeLine; (text = file.line(line)) != null; line++) {
                int column = text.indexOf(name);
                if (column >= 0) {
                    return "line " + line + ", column " + (column + 1) + ", ";
                }
                if (line > routeLine && text.startsWith("- ")) {
                    break; // the next route
                }
            }
        }
        return "line " + routeLine + ", ";
    }

    private static String message(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
