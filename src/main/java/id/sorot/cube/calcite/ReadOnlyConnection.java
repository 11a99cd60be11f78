package id.sorot.cube.calcite;

import id.sorot.access.Actor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A JDBC client's Calcite connection, held to what it may do: every SQL text it prepares or runs
 * passes {@link ReadOnlySql} first; it answers only the user who opened it (a request with another
 * token naming its id is refused); and an error inside Calcite (an AssertionError on a statement it
 * cannot plan) comes back as an SQLException instead of ending the server's thread.
 */
final class ReadOnlyConnection implements InvocationHandler {

    private static final Set<String> SQL_FIRST = Set.of(
            "prepareStatement",
            "prepareCall",
            "nativeSQL",
            "execute",
            "executeQuery",
            "executeUpdate",
            "executeLargeUpdate",
            "addBatch");

    private final Object target;
    private final Actor owner;
    private final Supplier<Actor> caller;

    private ReadOnlyConnection(Object target, Actor owner, Supplier<Actor> caller) {
        this.target = target;
        this.owner = owner;
        this.caller = caller;
    }

    static Connection wrap(Connection c, Actor owner, Supplier<Actor> caller) {
        return (Connection) proxy(c, Connection.class, owner, caller);
    }

    private static Object proxy(Object target, Class<?> type, Actor owner, Supplier<Actor> caller) {
        return Proxy.newProxyInstance(
                ReadOnlyConnection.class.getClassLoader(),
                new Class<?>[] {type},
                new ReadOnlyConnection(target, owner, caller));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("unwrap") || name.equals("isWrapperFor")) {
            throw new SQLException("Sorot's JDBC connections do not unwrap");
        }
        Actor now = caller.get();
        if (now != null && !now.username().equals(owner.username())) {
            throw new SQLException("this connection was opened by another user");
        }
        if (SQL_FIRST.contains(name) && args != null && args.length > 0 && args[0] instanceof String sql) {
            if (name.startsWith("executeUpdate")
                    || name.startsWith("executeLargeUpdate")
                    || name.equals("prepareCall")) {
                throw new SQLException(ReadOnlySql.RULE + "; " + name + " is refused", "42501");
            }
            ReadOnlySql.check(sql);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException || cause instanceof RuntimeException) throw cause;
            if (cause instanceof VirtualMachineError) throw cause;
            throw new SQLException("the query could not be run: " + cause, cause);
        }
        // statements made here are held to the same rules
        if (result instanceof CallableStatement) return result;
        if (result instanceof PreparedStatement p) return proxy(p, PreparedStatement.class, owner, caller);
        if (result instanceof Statement s) return proxy(s, Statement.class, owner, caller);
        return result;
    }
}
