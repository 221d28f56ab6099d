package org.madoguchi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MadoguchiApplication {

  public static void main(String[] args) {
    SpringApplication.run(MadoguchiApplication.class, args);
  }
}
