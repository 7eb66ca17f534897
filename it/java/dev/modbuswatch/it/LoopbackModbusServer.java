package dev.modbuswatch.it;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A tiny Modbus/TCP server for one connection: Read Holding Registers returns the register numbers as values; Write
 * Multiple Registers is accepted, except over register 31 (the passphrase), which is answered with exception 2.
 */
final class LoopbackModbusServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    LoopbackModbusServer() throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "modbus-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        try (Socket connection = socket.accept()) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (true) {
                int transaction = in.readUnsignedShort();
                in.readUnsignedShort();
                byte[] unitAndPdu = new byte[in.readUnsignedShort()];
                in.readFully(unitAndPdu);
                byte[] answer = answer(ByteBuffer.wrap(unitAndPdu, 1, unitAndPdu.length - 1));
                out.write(ByteBuffer.allocate(7 + answer.length).putShort((short) transaction).putShort((short) 0)
                        .putShort((short) (answer.length + 1)).put(unitAndPdu[0]).put(answer).array());
                out.flush();
            }
        } catch (IOException end) {
            // client closed the connection
        }
    }

    private static byte[] answer(ByteBuffer pdu) {
        int function = pdu.get() & 0xFF;
        int address = pdu.getShort() & 0xFFFF;
        int quantity = pdu.getShort() & 0xFFFF;
        if (function == 3) {
            ByteBuffer registers = ByteBuffer.allocate(2 + 2 * quantity).put((byte) 3).put((byte) (2 * quantity));
            for (int i = 0; i < quantity; i++) {
                registers.putShort((short) (address + i));
            }
            return registers.array();
        }
        if (function == 16 && address <= 31 && 31 < address + quantity) {
            return new byte[] {(byte) 0x90, 2};
        }
        return ByteBuffer.allocate(5).put((byte) function).putShort((short) address).putShort((short) quantity).array();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        thread.join(5000);
    }
}
