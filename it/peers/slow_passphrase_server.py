"""A Modbus/TCP device for the integration tests, on pymodbus: 20 holding registers (0-19), so a write at the
passphrase register 31 is refused with exception 02 (illegal data address), as the seed's device refuses a wrong
passphrase; that refusal comes DELAY seconds late, and not before the file RELEASE exists when one is named (so a test
can hold the answer until the sensor it restarts is capturing again).

    /usr/bin/python3 slow_passphrase_server.py PORT DELAY [RELEASE]
"""
import logging
import os
import sys
import time

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartTcpServer

PASSPHRASE_REGISTER = 31


class SlowToRefuse(ModbusSequentialDataBlock):
    def __init__(self, delay, release):
        super().__init__(0, [0] * 20)
        self.delay = delay
        self.release = release

    def validate(self, address, count=1):
        if address <= PASSPHRASE_REGISTER < address + count:
            time.sleep(self.delay)
            while self.release and not os.path.exists(self.release):
                time.sleep(0.05)
        return super().validate(address, count)


def main():
    port, delay = int(sys.argv[1]), float(sys.argv[2])
    release = sys.argv[3] if len(sys.argv) > 3 else None
    logging.basicConfig(level=logging.WARNING)
    store = ModbusSlaveContext(hr=SlowToRefuse(delay, release), zero_mode=True)
    print("listening on", port, flush=True)
    StartTcpServer(context=ModbusServerContext(slaves=store, single=True), address=("127.0.0.1", port))


if __name__ == "__main__":
    main()
