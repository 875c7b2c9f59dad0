package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMeterTest {

    @Test
    void readsThePeakResidentSetFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n";
        assertThat(ProcessMeter.vmHwmBytes(status)).isEqualTo(123_456L * 1024);
    }

    @Test
    void missingOrOddFieldsGiveMinusOne() {
        assertThat(ProcessMeter.vmHwmBytes("Name:\tjava\nVmRSS:\t 1 kB\n")).isEqualTo(-1);
        assertThat(ProcessMeter.vmHwmBytes("VmHWM:\t 12 MB\n")).isEqualTo(-1);
        assertThat(ProcessMeter.vmHwmBytes("VmHWM:\t lots kB\n")).isEqualTo(-1);
    }
}
